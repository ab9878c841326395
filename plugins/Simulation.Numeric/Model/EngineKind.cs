namespace LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Model;

/// <summary>How the master equation is solved.</summary>
internal enum EngineKind
{
    /// <summary>Config name <c>numpy</c>: exact propagators for piecewise-constant segments, cached, adaptive integration only for shaped pulses.</summary>
    Exact,

    /// <summary>Config name <c>qutip</c>: every segment integrated step by step with tight tolerances and no caches (a cross-check).</summary>
    Integrated,
}
