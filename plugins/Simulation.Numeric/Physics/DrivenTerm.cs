namespace LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Physics;

/// <summary>
/// One driven term Factor·μ·Y[Source] of a sparse Liouvillian row: μ is the drive multiplier whose
/// real part sits at index Multiplier (8·member + 2·kind, see <see cref="ComponentGenerator.Derivative"/>),
/// and Source
/// indexes the real part of the source element.
/// </summary>
internal readonly record struct DrivenTerm(int Source, double Factor, int Multiplier);
