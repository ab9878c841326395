namespace LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Physics;

/// <summary>
/// One constant term (Real + i·Imaginary)·Y[Source] of a sparse Liouvillian row; Source indexes the
/// real part.
/// </summary>
internal readonly record struct LiouvilleTerm(int Source, double Real, double Imaginary);
