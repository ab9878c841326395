using LeeQ.Epii.Platform.Contracts.Programs;

namespace LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Physics;

/// <summary>A readout taken at absolute time <paramref name="Time"/> (µs).</summary>
internal sealed record ScheduledMeasurement(MeasureInstruction Instruction, double Time);
