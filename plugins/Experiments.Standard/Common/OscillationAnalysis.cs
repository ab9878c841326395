using LeeQ.Epii.Platform.Plugins.Experiments.Standard.Fitting;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Common;

/// <summary>
/// The Rabi-type analysis shared by the time and power Rabi experiments: a sinusoid fitted to
/// P(1) against the swept quantity, and the quality rules that make its frequency usable.
/// </summary>
internal static class OscillationAnalysis
{
    /// <summary>Smallest R² of a usable Rabi fit.</summary>
    public const double MinimumRSquared = 0.8;

    /// <summary>Largest relative standard error of a usable Rabi frequency.</summary>
    public const double MaximumFrequencyError = 0.05;

    /// <summary>Smallest fitted amplitude (half the P(1) contrast) of a real oscillation.</summary>
    public const double MinimumAmplitude = 0.1;

    /// <summary>Fits <paramref name="p1"/>(<paramref name="x"/>) and applies the Rabi quality rules.</summary>
    /// <param name="x">Swept values, measured from the first point.</param>
    /// <param name="p1">P(1) per point.</param>
    /// <param name="frequencyHint">Expected oscillation frequency from the calibration, or null.</param>
    public static (FitResult Fit, FitGate Gate) Analyse(
        IReadOnlyList<double> x,
        IReadOnlyList<double> p1,
        double? frequencyHint
    )
    {
        var fit = SinusoidFit.Fit(x, p1, frequencyHint);
        var gate = new FitGate(fit, MinimumRSquared);
        if (fit.Converged)
        {
            var span = x.Max() - x.Min();
            var spacing = FrequencyEstimator.MedianSpacing(x);
            var cycles = fit["frequency"] * span;
            gate.RelativeError("frequency", MaximumFrequencyError, "the Rabi frequency")
                .Require(
                    fit["amplitude"] >= MinimumAmplitude,
                    FitGate.Invariant(
                        $"the oscillation amplitude {fit["amplitude"]:F3} is below {MinimumAmplitude} (no real Rabi oscillation: drive too weak or off resonance)"
                    )
                )
                .Require(
                    cycles >= 0.4,
                    FitGate.Invariant(
                        $"the sweep covers only {cycles:F2} oscillations; at least 0.4 are needed to determine the frequency"
                    )
                )
                .Require(
                    fit["frequency"] * spacing <= 0.4,
                    FitGate.Invariant(
                        $"the fitted frequency needs more than 0.4 cycles per step ({fit["frequency"] * spacing:F2}); the sweep is undersampled"
                    )
                );
        }

        return (fit, gate);
    }
}
