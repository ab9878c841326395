namespace LeeQ.Epii.Platform.Contracts.Programs;

/// <summary>Free evolution for a time on the named qubits (all qubits when <paramref name="Qubits"/> is null).</summary>
/// <param name="DurationUs">Duration, microseconds.</param>
/// <param name="Qubits">Qubits whose timelines advance, or null for all.</param>
public sealed record DelayInstruction(double DurationUs, IReadOnlyList<int>? Qubits = null) : ProgramInstruction;
