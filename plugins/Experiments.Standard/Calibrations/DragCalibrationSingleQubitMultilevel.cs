using LeeQ.Epii.Platform.Contracts.Experiments;
using LeeQ.Epii.Platform.Contracts.Parameters;
using LeeQ.Epii.Platform.Contracts.Plotting;
using LeeQ.Epii.Platform.Contracts.Programs;
using LeeQ.Epii.Platform.Contracts.Results;
using LeeQ.Epii.Platform.Plugins.Experiments.Standard.Common;
using LeeQ.Epii.Platform.Plugins.Experiments.Standard.Fitting;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Calibrations;

/// <summary>
/// DRAG calibration with the two phase-error-sensitive sequences X(π/2)·[Y(π)·Y(−π)…] ("xp") and
/// Y(π/2)·[X(π)·X(−π)…] ("xm"), N π pulses each. A wrong DRAG coefficient tilts every π pulse's
/// axis by an angle linear in 1/alpha, which moves P(1) of the two sequences away from ½ in
/// opposite directions; two straight lines in x = 1/alpha cross at the coefficient with no phase
/// error, optimum = 1/x*.
/// </summary>
public sealed class DragCalibrationSingleQubitMultilevel : IExperiment
{
    /// <inheritdoc />
    public ExperimentDescriptor Descriptor { get; } =
        new()
        {
            Name = "calibrations.DragCalibrationSingleQubitMultilevel",
            Aliases = ["drag"],
            Description =
                "DRAG calibration: two sequences whose P(1) depends on the DRAG coefficient with opposite slopes, swept over 1/alpha; the crossing gives the optimum.",
            Purpose = "Finds the DRAG coefficient alpha (MHz) that removes the phase error of the gates.",
            RunDocumentation =
                "Give dut. By default 21 values of 1/alpha span the calibrated 1/alpha +/- 0.006 1/MHz. N sets the number of pi pulses per sequence (more pulses amplify small errors; keep the response linear). With update=true the optimum is proposed as <q>.drag_alpha when the fit is good.",
            DataDocumentation =
                "sweep_values are the 1/alpha values (1/MHz); result[k] = (P(1) of xp, P(1) of xm); fit_xp and fit_xm are (slope, intercept) of straight lines; optimum = 1/(crossing point) is alpha in MHz.",
            Parameters =
            [
                Args.Qubit("dut"),
                Args.CollectionName(),
                Args.MprimIndex(),
                Args.PythonOnly("initial_lpb", "Pulses played before each sequence"),
                Args.Int("N", 1, "Number of pi pulses after the pi/2 pulse in each sequence (alternating sign)", 1, 64),
                Args.Float(
                    "inv_alpha_start",
                    "1/MHz",
                    null,
                    "First 1/alpha; unset: calibrated 1/alpha - 0.006",
                    -10.0,
                    10.0
                ),
                Args.Float(
                    "inv_alpha_stop",
                    "1/MHz",
                    null,
                    "Last 1/alpha (included); unset: calibrated 1/alpha + 0.006",
                    -10.0,
                    10.0
                ),
                Args.Int("num", 21, "Number of 1/alpha values", 4, 1001),
                Args.Update(false, "optimum as <q>.drag_alpha"),
            ],
            Outputs =
            [
                Outputs.Array("sweep_values", "(num,)", "Swept 1/alpha, 1/MHz"),
                Outputs.Array("result", "(num, 2)", "P(1) of the xp and xm sequences per 1/alpha, float64"),
                Outputs.Array("fit_xp", "(2,)", "Slope (per 1/MHz) and intercept of the xp line"),
                Outputs.Array("fit_xm", "(2,)", "Slope (per 1/MHz) and intercept of the xm line"),
                .. Outputs.Fitted("optimum", "DRAG coefficient alpha at the crossing, MHz"),
                .. Outputs.Fitted("inv_optimum", "1/alpha at the crossing, 1/MHz"),
                Outputs.Number("residual_xp_avg", "Mean squared residual of the xp line"),
                Outputs.Number("residual_xm_avg", "Mean squared residual of the xm line"),
                Outputs.Number("inv_alpha_start", "First swept 1/alpha, 1/MHz"),
                Outputs.Number("inv_alpha_stop", "Last swept 1/alpha, 1/MHz"),
                .. Outputs.Quality(),
            ],
            Notes =
            [
                "Adds update (the original proposed nothing and left alpha at the last swept value).",
                "r_squared is the smaller R^2 of the two lines.",
            ],
        };

    /// <inheritdoc />
    public async Task<ExperimentOutcome> RunAsync(ExperimentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var a = context.Arguments;
        Args.RejectPythonOnly(a, "initial_lpb");
        var qubit = a.GetQubit("dut");
        var gates = Gates.For(context.Parameters, qubit);
        if (gates.Calibration.Shape is EnvelopeShape.Square or EnvelopeShape.CosineEdgeSquare)
        {
            throw new ExperimentArgumentException(
                "dut",
                $"q{qubit}.pulse_shape is {gates.Calibration.Shape.ToName()}, which has no DRAG quadrature; use gaussian, drag, blackman or blackman_drag"
            );
        }

        var current =
            double.IsFinite(gates.Calibration.DragAlphaMhz) && gates.Calibration.DragAlphaMhz != 0
                ? 1.0 / gates.Calibration.DragAlphaMhz
                : 0.0;
        var start = Args.DoubleOr(a, "inv_alpha_start", current - 0.006);
        var stop = Args.DoubleOr(a, "inv_alpha_stop", current + 0.006);
        if (stop <= start)
        {
            throw new ExperimentArgumentException("inv_alpha_stop", "must be greater than inv_alpha_start");
        }

        var x = Sweep.Linspace(start, stop, a.GetInt("num"), "num");
        var pulses = (int)a.GetInt("N");
        var programs = new List<PulseProgram>();
        foreach (var inv in x)
        {
            var g = gates.WithInverseDrag(inv);
            programs.Add(Sequence(g, 0.0, Math.PI / 2, pulses));
            programs.Add(Sequence(g, Math.PI / 2, 0.0, pulses));
        }

        var result = await ProgramRunner.RunAsync(context, programs, cancellationToken).ConfigureAwait(false);
        var p1 = ProgramRunner.Extract(result, Gates.MeasureKey).P1;
        var xp = x.Select((_, k) => p1[2 * k]).ToArray();
        var xm = x.Select((_, k) => p1[(2 * k) + 1]).ToArray();
        var fitP = LinearFit.Fit(x, xp);
        var fitM = LinearFit.Fit(x, xm);
        var (sp, bp, sm, bm) = (fitP["slope"], fitP["intercept"], fitM["slope"], fitM["intercept"]);
        var d = sp - sm;
        var crossing = (bm - bp) / d;
        var variance =
            (
                (
                    fitP.Covariance[1, 1]
                    + (crossing * crossing * fitP.Covariance[0, 0])
                    + (2 * crossing * fitP.Covariance[0, 1])
                )
                + (
                    fitM.Covariance[1, 1]
                    + (crossing * crossing * fitM.Covariance[0, 0])
                    + (2 * crossing * fitM.Covariance[0, 1])
                )
            ) / (d * d);
        var crossingStd = Math.Sqrt(variance);
        var optimum = 1.0 / crossing;
        var optimumStd = crossingStd / (crossing * crossing);
        var rSquared = Math.Min(fitP.RSquared, fitM.RSquared);

        var failures = new List<string>();
        var significance = Math.Min(Math.Abs(sp) / fitP.ErrorOf("slope"), Math.Abs(sm) / fitM.ErrorOf("slope"));
        if (!(significance >= 3))
        {
            failures.Add(
                FitGate.Invariant(
                    $"a slope is not significant (smallest |slope|/error = {significance:F1} < 3): the sweep does not change the phase error"
                )
            );
        }

        if (Math.Sign(sp) == Math.Sign(sm))
        {
            failures.Add("the two sequences respond with the same sign, so their crossing is not a phase-error zero");
        }

        if (!(rSquared >= 0.5))
        {
            failures.Add(
                FitGate.Invariant(
                    $"a line does not describe its data (R² = {rSquared:F2} < 0.5); narrow the sweep or lower N"
                )
            );
        }

        if (!(crossing >= start && crossing <= stop))
        {
            failures.Add(
                FitGate.Invariant(
                    $"the crossing 1/alpha = {crossing:G4} lies outside the sweep [{start:G4}, {stop:G4}]; centre the sweep on it and rerun"
                )
            );
        }

        var quality = failures.Count == 0 ? FitQuality.Good : FitQuality.Bad;
        var reason =
            failures.Count == 0
                ? FitGate.Invariant(
                    $"opposite slopes {sp:G3} and {sm:G3} cross inside the sweep (min R² {rSquared:F3})"
                )
                : string.Join("; ", failures);
        var report = new FitReport
        {
            Model = "two lines P = a*x + b in x = 1/alpha; optimum = 1/crossing",
            Values =
            [
                new FitValue("optimum", optimum, optimumStd, "MHz"),
                new FitValue("inv_optimum", crossing, crossingStd, "1/MHz"),
                new FitValue("slope_xp", sp, fitP.ErrorOf("slope")),
                new FitValue("slope_xm", sm, fitM.ErrorOf("slope")),
            ],
            RSquared = rSquared,
            Quality = quality,
            Reason = reason,
        };
        var table = new double[x.Length * 2];
        for (var k = 0; k < x.Length; k++)
        {
            table[2 * k] = xp[k];
            table[(2 * k) + 1] = xm[k];
        }

        var outcome = new OutcomeBuilder(Descriptor)
            .Array("sweep_values", x)
            .Array("result", table, x.Length, 2)
            .Array("fit_xp", [sp, bp])
            .Array("fit_xm", [sm, bm])
            .Fitted("optimum", optimum, optimumStd)
            .Fitted("inv_optimum", crossing, crossingStd)
            .Number("residual_xp_avg", fitP.ResidualRms * fitP.ResidualRms)
            .Number("residual_xm_avg", fitM.ResidualRms * fitM.ResidualRms)
            .Number("inv_alpha_start", start)
            .Number("inv_alpha_stop", stop)
            .Quality(report)
            .Fit(report)
            .ProposeUpdates(
                Args.UpdateRequested(a),
                quality,
                reason,
                new CalibrationUpdate(
                    WellKnownParameters.Qubit(qubit, WellKnownParameters.DragAlpha),
                    optimum,
                    "DRAG sequences crossing"
                )
            );
        if (context.ReturnPlots)
        {
            outcome.Figure(
                new Figure(
                    FitGate.Invariant($"DRAG calibration Q{qubit}: alpha = {optimum:F1} MHz"),
                    "1/alpha (1/MHz)",
                    "P(1)",
                    [
                        new FigureSeries("xp: X/2 then Y pi pulses", x, xp),
                        new FigureSeries("xm: Y/2 then X pi pulses", x, xm),
                        new FigureSeries("xp fit", x, [.. x.Select(v => (sp * v) + bp)], SeriesStyle.Line),
                        new FigureSeries("xm fit", x, [.. x.Select(v => (sm * v) + bm)], SeriesStyle.Line),
                    ]
                )
            );
        }

        outcome.Summary =
            quality == FitQuality.Good
                ? FitGate.Invariant($"DRAG optimum alpha = {optimum:F2} ± {optimumStd:F2} MHz.")
                : $"DRAG calibration is bad: {reason}.";
        return outcome.Build();
    }

    /// <summary>A π/2 about <paramref name="firstAxis"/>, then N π pulses of alternating sign about <paramref name="piAxis"/>.</summary>
    private static PulseProgram Sequence(Gates gates, double firstAxis, double piAxis, int pulses)
    {
        var b = gates.HalfPi(PulseProgram.Builder(), firstAxis);
        for (var k = 0; k < pulses; k++)
        {
            gates.Pi(b, piAxis + (k % 2 == 0 ? 0.0 : Math.PI));
        }

        return gates.Measure(b).Build();
    }
}
