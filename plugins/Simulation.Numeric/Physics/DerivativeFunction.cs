using System.Numerics;

namespace LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Physics;

/// <summary>dy/dt at time t (µs).</summary>
internal delegate void DerivativeFunction(double t, ReadOnlySpan<Complex> y, Span<Complex> dy);
