namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Tests.Support;

/// <summary>The true parameters of one qubit of the analytic reference device (MHz, µs).</summary>
public sealed record DeviceQubit
{
    /// <summary>True 0-1 frequency.</summary>
    public double F01 { get; init; } = 5000.0;

    /// <summary>Rabi rate, MHz per unit amplitude.</summary>
    public double RabiRate { get; init; } = 50.0;

    /// <summary>Energy relaxation time.</summary>
    public double T1 { get; init; } = 50.0;

    /// <summary>Coherence time (Ramsey and echo decay).</summary>
    public double T2 { get; init; } = 40.0;

    /// <summary>
    /// DRAG alpha (MHz) that cancels the drive-induced phase error: the model adds a Stark shift
    /// δ = −|Ω|²/(2π·alpha) to the qubit during pulses, which a quadrature −İ/(2π·alpha) cancels to first order.
    /// </summary>
    public double OptimalDragAlpha { get; init; } = -300.0;

    /// <summary>Bare resonator frequency; the qubit in 0 (1) pulls it to Resonator − Chi (+ Chi).</summary>
    public double Resonator { get; init; } = 7000.0;

    /// <summary>Resonator linewidth κ (full width).</summary>
    public double Kappa { get; init; } = 2.0;

    /// <summary>Dispersive shift χ.</summary>
    public double Chi { get; init; } = 1.0;

    /// <summary>Per-shot IQ noise (standard deviation per quadrature, same scale as the response of magnitude ≤ 1).</summary>
    public double IqNoise { get; init; } = 0.15;
}
