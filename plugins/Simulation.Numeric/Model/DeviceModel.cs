namespace LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Model;

/// <summary>The simulated device: qubits and exchange couplings (MHz), plus the engine that solves it.</summary>
internal sealed record DeviceModel
{
    /// <summary>Qubits q0, q1, … in order.</summary>
    public required IReadOnlyList<QubitProperties> Qubits { get; init; }

    /// <summary>Exchange couplings J (MHz) keyed by (lower index, higher index).</summary>
    public required IReadOnlyDictionary<(int A, int B), double> Couplings { get; init; }

    /// <summary>Solver selection.</summary>
    public EngineKind Engine { get; init; } = EngineKind.Exact;

    /// <summary>Coupling J between two qubits, MHz (0 when absent).</summary>
    public double Coupling(int a, int b) => Couplings.TryGetValue(a < b ? (a, b) : (b, a), out var j) ? j : 0.0;
}
