namespace LeeQ.Epii.Platform.Contracts.Programs;

/// <summary>
/// One step of a pulse program. Each qubit has its own timeline: an instruction on a qubit starts
/// when that qubit's previous instruction ends; a barrier aligns the timelines it names.
/// </summary>
public abstract record ProgramInstruction;
