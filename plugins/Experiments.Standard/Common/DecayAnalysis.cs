using LeeQ.Epii.Platform.Contracts.Experiments;
using LeeQ.Epii.Platform.Contracts.Results;
using LeeQ.Epii.Platform.Plugins.Experiments.Standard.Fitting;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Common;

/// <summary>
/// The exponential-decay analysis shared by T1, spin echo and multi-qubit T1: A·exp(−t/τ) + C
/// fitted to P(1), the quality rules for τ, and the original's output names
/// (<c>fit_params.Amplitude/Offset/Decay</c> and the 3×3 <c>fit_params.Cov</c>).
/// </summary>
internal static class DecayAnalysis
{
    /// <summary>Smallest R² of a usable decay fit.</summary>
    public const double MinimumRSquared = 0.8;

    /// <summary>Largest relative standard error of a usable decay constant.</summary>
    public const double MaximumDecayError = 0.1;

    /// <summary>Smallest decay amplitude (change of P(1)) of a real decay.</summary>
    public const double MinimumAmplitude = 0.1;

    /// <summary>Outputs of one decay fit, prefixed with <paramref name="prefix"/>.</summary>
    public static IEnumerable<OutputSpec> Outputs(string what, string prefix = "") =>
        [
            .. Common.Outputs.Fitted(
                prefix + "fit_params.Amplitude",
                "Decay amplitude A (change of P(1) from t=0 to the asymptote)"
            ),
            .. Common.Outputs.Fitted(prefix + "fit_params.Offset", "Asymptote C of P(1)"),
            .. Common.Outputs.Fitted(prefix + "fit_params.Decay", $"{what}, us"),
            Common.Outputs.Array(
                prefix + "fit_params.Cov",
                "(3, 3)",
                "Covariance of (Amplitude, Offset, Decay), C order"
            ),
            .. Common.Outputs.Quality(prefix),
        ];

    /// <summary>Fits and gates a decay.</summary>
    public static (FitResult Fit, FitGate Gate, FitReport Report) Analyse(
        IReadOnlyList<double> t,
        IReadOnlyList<double> y,
        string what
    )
    {
        var fit = ExponentialDecayFit.Fit(t, y);
        var gate = new FitGate(fit, MinimumRSquared);
        if (fit.Converged)
        {
            var span = t.Max() - t.Min();
            gate.RelativeError("decay", MaximumDecayError, what)
                .Require(
                    Math.Abs(fit["amplitude"]) >= MinimumAmplitude,
                    FitGate.Invariant(
                        $"the decay amplitude {fit["amplitude"]:F3} is below {MinimumAmplitude} (nothing decays: no excitation or wrong readout)"
                    )
                )
                .Require(
                    fit["decay"] <= 5 * span,
                    FitGate.Invariant(
                        $"{what} = {fit["decay"]:G4} us is more than five times the swept span ({span:G4} us); extend the sweep"
                    )
                )
                .Require(
                    fit["decay"] >= 2 * FrequencyEstimator.MedianSpacing(t),
                    FitGate.Invariant(
                        $"{what} = {fit["decay"]:G4} us is shorter than two sweep steps; shorten the step"
                    )
                );
        }

        var report = OutcomeBuilder.Report(
            fit,
            gate,
            new FitValue("amplitude", fit["amplitude"], fit.ErrorOf("amplitude")),
            new FitValue("offset", fit["offset"], fit.ErrorOf("offset")),
            new FitValue("decay", fit["decay"], fit.ErrorOf("decay"), "us")
        );
        return (fit, gate, report);
    }

    /// <summary>
    /// The whole outcome of a single-qubit decay sweep (T1, spin echo): trace, times, fit values,
    /// per-shot data when asked for, a figure when asked for, and a summary.
    /// </summary>
    /// <param name="descriptor">The experiment's descriptor (declared outputs).</param>
    /// <param name="context">The run's context.</param>
    /// <param name="times">Sweep axis, µs.</param>
    /// <param name="data">Measured sweep.</param>
    /// <param name="quantity">What the decay constant is, e.g. "T1" or "T2 echo".</param>
    /// <param name="title">Figure title before the fitted value, e.g. "T1 decay Q0".</param>
    /// <param name="xLabel">Figure x-axis label with unit.</param>
    public static ExperimentOutcome Outcome(
        ExperimentDescriptor descriptor,
        ExperimentContext context,
        double[] times,
        SweepData data,
        string quantity,
        string title,
        string xLabel
    )
    {
        var (fit, gate, report) = Analyse(times, data.P1, quantity);
        var outcome = new OutcomeBuilder(descriptor)
            .Array("trace", data.P1)
            .Array("times", times)
            .Fit(report)
            .Shots(context, "shot_iq", data, times.Length);
        Emit(outcome, fit, report);
        var value = FitGate.Invariant($"{fit["decay"]:F2} ± {fit.ErrorOf("decay"):F2}");
        if (context.ReturnPlots)
        {
            outcome.Figure(
                Figures.DataAndFit(
                    $"{title}: {quantity} = {value} µs",
                    xLabel,
                    "P(1)",
                    times,
                    data.P1,
                    fit.Converged ? fit.Evaluate : null
                )
            );
        }

        outcome.Summary =
            gate.Quality == FitQuality.Good ? $"{quantity} = {value} us." : $"{quantity} fit is bad: {gate.Reason}.";
        return outcome.Build();
    }

    /// <summary>Adds the decay outputs to <paramref name="outcome"/>.</summary>
    public static void Emit(OutcomeBuilder outcome, FitResult fit, FitReport report, string prefix = "")
    {
        outcome
            .Fitted(prefix + "fit_params.Amplitude", fit["amplitude"], fit.ErrorOf("amplitude"), fit.Converged)
            .Fitted(prefix + "fit_params.Offset", fit["offset"], fit.ErrorOf("offset"), fit.Converged)
            .Fitted(prefix + "fit_params.Decay", fit["decay"], fit.ErrorOf("decay"), fit.Converged)
            .Quality(report, prefix);
        if (fit.Converged)
        {
            // The original orders the covariance as (Amplitude, Offset, Decay).
            int[] order = [0, 2, 1];
            var cov = new double[9];
            for (var i = 0; i < 3; i++)
            {
                for (var j = 0; j < 3; j++)
                {
                    cov[(i * 3) + j] = fit.Covariance[order[i], order[j]];
                }
            }

            outcome.Array(prefix + "fit_params.Cov", cov, 3, 3);
        }
    }
}
