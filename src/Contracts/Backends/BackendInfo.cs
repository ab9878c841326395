namespace LeeQ.Epii.Platform.Contracts.Backends;

/// <summary>What a backend is, for capabilities and diagnostics.</summary>
/// <param name="Kind"><c>simulation</c> or <c>hardware</c>.</param>
/// <param name="Name">Engine name, e.g. <c>numeric-transmon</c> or <c>qubic</c>.</param>
/// <param name="QubitCount">Number of qubits of the device.</param>
/// <param name="Properties">Further facts worth showing (engine, levels, board address…).</param>
public sealed record BackendInfo(
    string Kind,
    string Name,
    int QubitCount,
    IReadOnlyDictionary<string, string> Properties
);
