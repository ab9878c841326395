namespace LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Physics;

/// <summary>dy/dt at time t (µs) of a real state vector.</summary>
internal delegate void DerivativeFunction(double t, ReadOnlySpan<double> y, Span<double> dy);
