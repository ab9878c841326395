namespace LeeQ.Epii.Platform.Contracts.Programs;

/// <summary>Aligns the timelines of the named qubits (all when null) to the latest of them.</summary>
public sealed record BarrierInstruction(IReadOnlyList<int>? Qubits = null) : ProgramInstruction;
