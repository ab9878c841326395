namespace LeeQ.Epii.Platform.Contracts.Programs;

/// <summary>One shot's worth of instructions; every shot starts from the device's idle state.</summary>
public sealed record PulseProgram(IReadOnlyList<ProgramInstruction> Instructions)
{
    /// <summary>Keys of the measurements, in program order.</summary>
    public IEnumerable<MeasureInstruction> Measurements => Instructions.OfType<MeasureInstruction>();

    /// <summary>Starts a fluent builder.</summary>
    public static PulseProgramBuilder Builder() => new();
}
