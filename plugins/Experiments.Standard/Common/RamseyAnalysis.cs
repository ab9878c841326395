using LeeQ.Epii.Platform.Contracts.Programs;
using LeeQ.Epii.Platform.Contracts.Results;
using LeeQ.Epii.Platform.Plugins.Experiments.Standard.Fitting;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Common;

/// <summary>The Ramsey sequence and analysis shared by the single- and multi-qubit Ramsey experiments.</summary>
internal static class RamseyAnalysis
{
    /// <summary>Smallest R² of a usable Ramsey fit.</summary>
    public const double MinimumRSquared = 0.7;

    /// <summary>Largest standard error of a usable fringe frequency, MHz.</summary>
    public const double MaximumFrequencyError = 0.02;

    /// <summary>Largest relative standard error of a usable T2*.</summary>
    public const double MaximumDecayError = 0.2;

    /// <summary>The result of one Ramsey analysis.</summary>
    public sealed record Result(FitResult Fit, FitGate Gate, FitReport Report, double FrequencyGuess);

    /// <summary>
    /// Appends π/2 – delay – π/2(phase 2π·offset·t) for one qubit. Under the platform's drive
    /// convention (a carrier phase φ rotates about the axis at −φ, so it acts like a virtual Z(φ),
    /// and carriers are phase-continuous) the free precession at δ = f_q − f_drive and the phase
    /// advance add: the fringe frequency is F = offset + δ, hence f_q = f_drive + F − offset.
    /// </summary>
    public static PulseProgramBuilder Append(PulseProgramBuilder builder, Gates gates, double delay, double offsetMhz)
    {
        gates.HalfPi(builder).Delay(delay, gates.Qubit);
        return gates.HalfPi(builder, Math.IEEERemainder(2 * Math.PI * offsetMhz * delay, 2 * Math.PI));
    }

    /// <summary>One program per delay.</summary>
    public static PulseProgram[] Programs(Gates gates, double[] times, double offsetMhz) =>
        [.. times.Select(t => gates.Measure(Append(PulseProgram.Builder(), gates, t, offsetMhz)).Build())];

    /// <summary>Fits the fringes and applies the quality rules.</summary>
    public static Result Analyse(double[] times, double[] p1, double offsetMhz, double driveMhz)
    {
        var fit = DampedSinusoidFit.Fit(times, p1);
        var gate = new FitGate(fit, MinimumRSquared);
        var guess = driveMhz + fit["frequency"] - offsetMhz;
        if (fit.Converged)
        {
            var span = times.Max() - times.Min();
            var spacing = FrequencyEstimator.MedianSpacing(times);
            gate.Require(
                    fit.ErrorOf("frequency") <= MaximumFrequencyError,
                    FitGate.Invariant(
                        $"the fringe frequency is poorly determined (± {fit.ErrorOf("frequency"):G3} MHz, limit {MaximumFrequencyError} MHz)"
                    )
                )
                .RelativeError("decay", MaximumDecayError, "T2*")
                .Require(
                    fit["amplitude"] >= 0.1,
                    FitGate.Invariant($"the fringe amplitude {fit["amplitude"]:F3} is below 0.1 (no coherent fringes)")
                )
                .Require(
                    fit["frequency"] * span >= 2,
                    FitGate.Invariant(
                        $"only {fit["frequency"] * span:F2} fringes in the sweep; at least 2 are needed to separate frequency and decay"
                    )
                )
                .Require(
                    fit["frequency"] * spacing <= 0.4,
                    FitGate.Invariant(
                        $"the fringes are undersampled ({fit["frequency"] * spacing:F2} cycles per step); reduce step"
                    )
                );
        }

        var report = OutcomeBuilder.Report(
            fit,
            gate,
            new FitValue("frequency", fit["frequency"], fit.ErrorOf("frequency"), "MHz"),
            new FitValue("amplitude", fit["amplitude"], fit.ErrorOf("amplitude")),
            new FitValue("phase", fit["phase"], fit.ErrorOf("phase"), "rad"),
            new FitValue("decay", fit["decay"], fit.ErrorOf("decay"), "us"),
            new FitValue("offset", fit["offset"], fit.ErrorOf("offset")),
            new FitValue("frequency_guess", guess, fit.ErrorOf("frequency"), "MHz")
        );
        return new Result(fit, gate, report, guess);
    }
}
