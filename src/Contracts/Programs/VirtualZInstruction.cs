namespace LeeQ.Epii.Platform.Contracts.Programs;

/// <summary>A frame change: adds <paramref name="Phase"/> (radians) to the phase of every later pulse on the qubit.</summary>
/// <remarks>A frame advanced by φ makes later pulses rotate about an axis at −φ in the qubit's frame, i.e. it acts as Z(φ) on the state.</remarks>
public sealed record VirtualZInstruction(int Qubit, double Phase) : ProgramInstruction;
