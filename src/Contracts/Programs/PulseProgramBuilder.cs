namespace LeeQ.Epii.Platform.Contracts.Programs;

/// <summary>Fluent construction of a <see cref="PulseProgram"/>.</summary>
public sealed class PulseProgramBuilder
{
    private readonly List<ProgramInstruction> _instructions = [];

    /// <summary>Appends a drive pulse.</summary>
    public PulseProgramBuilder Play(
        int qubit,
        double frequencyMhz,
        double amplitude,
        double phase,
        double widthUs,
        PulseEnvelope envelope
    )
    {
        _instructions.Add(new PulseInstruction(qubit, frequencyMhz, amplitude, phase, widthUs, envelope));
        return this;
    }

    /// <summary>Appends any instruction.</summary>
    public PulseProgramBuilder Add(ProgramInstruction instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        _instructions.Add(instruction);
        return this;
    }

    /// <summary>Appends a delay (all qubits when none are named).</summary>
    public PulseProgramBuilder Delay(double durationUs, params int[] qubits)
    {
        _instructions.Add(new DelayInstruction(durationUs, qubits.Length == 0 ? null : qubits));
        return this;
    }

    /// <summary>Appends a virtual-Z frame change.</summary>
    public PulseProgramBuilder VirtualZ(int qubit, double phase)
    {
        _instructions.Add(new VirtualZInstruction(qubit, phase));
        return this;
    }

    /// <summary>Appends a barrier (all qubits when none are named).</summary>
    public PulseProgramBuilder Barrier(params int[] qubits)
    {
        _instructions.Add(new BarrierInstruction(qubits.Length == 0 ? null : qubits));
        return this;
    }

    /// <summary>Appends a measurement.</summary>
    public PulseProgramBuilder Measure(int qubit, double frequencyMhz, double amplitude, double widthUs, string key)
    {
        _instructions.Add(new MeasureInstruction(qubit, frequencyMhz, amplitude, widthUs, key));
        return this;
    }

    /// <summary>The program built so far.</summary>
    public PulseProgram Build() => new([.. _instructions]);
}
