using System.Globalization;
using LeeQ.Epii.Platform.Contracts.Experiments;
using LeeQ.Epii.Platform.Contracts.Parameters;
using LeeQ.Epii.Platform.Contracts.Plotting;
using LeeQ.Epii.Platform.Contracts.Results;
using LeeQ.Epii.Platform.Plugins.Experiments.Standard.Common;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Calibrations;

/// <summary>
/// Brings one qubit up from rough values by chaining the suite through the run's
/// <see cref="IExperimentRunner"/>: qubit spectroscopy (f01 to ~0.1 MHz), time Rabi (pi_amp to ~1 %),
/// Ramsey (f01 to a few kHz), ping-pong (pi_amp to ~0.1 %), DRAG, then T1 and echo. Each step's
/// updates are applied by the runner before the next step; the chain stops at the first step
/// whose fit is not good and says which and why.
/// </summary>
public sealed class TransmonTuneUp : IExperiment
{
    private static readonly string[] Names = ["qubit_spectroscopy", "rabi", "ramsey", "pingpong", "drag", "t1", "echo"];

    /// <inheritdoc />
    public ExperimentDescriptor Descriptor { get; } =
        new()
        {
            Name = "calibrations.TransmonTuneUp",
            Aliases = ["tuneup"],
            Description =
                "Single-qubit tune-up chain: qubit spectroscopy, Rabi, Ramsey, ping-pong, DRAG, then T1 and echo, stopping at the first bad fit.",
            Purpose =
                "Calibrates f01, pi_amp and drag_alpha of a qubit whose stored values are only roughly right (f01 within about frequency_span/2, pi_amp within about 30 %).",
            RunDocumentation =
                "Give dut. With update=true (default) every step writes its good results before the next step runs; with update=false the steps only measure, each from the stored values. Look at stopped_at and stop_reason when completed is false.",
            DataDocumentation =
                "steps lists the steps run, step_results their verdicts; f01, pi_amp and drag_alpha are the values after the chain (with the _std of the step that set them); t1 and t2_echo come from the last two steps.",
            Parameters =
            [
                Args.Qubit("dut"),
                Args.Update(true, "each step's good results (the runner applies them as the chain goes)"),
                Args.Float(
                    "frequency_span",
                    "MHz",
                    20.0,
                    "Span of the qubit spectroscopy around the stored f01",
                    1.0,
                    2000.0
                ),
                Args.Bool("include_drag", true, "Run the DRAG calibration step"),
                Args.Bool("include_coherence", true, "Measure T1 and T2 echo at the end"),
            ],
            Outputs =
            [
                Outputs.Text("steps", "Steps run, in order, comma-separated"),
                Outputs.Text("step_results", "Each step's verdict and summary"),
                Outputs.Flag("completed", "True when every step's fit was good"),
                Outputs.Text("stopped_at", "The step whose fit was bad (empty when completed)"),
                Outputs.Text("stop_reason", "Why that step's fit was bad (empty when completed)"),
                .. Outputs.Fitted("f01", "Qubit frequency after the chain, MHz"),
                .. Outputs.Fitted("pi_amp", "Pi amplitude after the chain"),
                .. Outputs.Fitted("drag_alpha", "DRAG coefficient after the chain, MHz"),
                .. Outputs.Fitted("t1", "T1, us"),
                .. Outputs.Fitted("t2_echo", "T2 echo, us"),
                .. Outputs.Quality(),
            ],
            Notes =
            [
                "New in this platform (the original had no tune-up chain).",
                "r_squared is the smallest R^2 among the steps run.",
            ],
        };

    /// <inheritdoc />
    public async Task<ExperimentOutcome> RunAsync(ExperimentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var a = context.Arguments;
        var qubit = a.GetQubit("dut");
        var outcome = new OutcomeBuilder(Descriptor);
        if (context.Runner is not { } runner)
        {
            outcome
                .Flag("completed", false)
                .Text("stopped_at", Names[0])
                .Text("stop_reason", "this host cannot run experiments from an experiment (no runner)")
                .Text(Outputs.FitQuality, "bad")
                .Text(Outputs.FitQualityReason, "no experiment runner is available");
            return outcome.Build();
        }

        var q = string.Create(CultureInfo.InvariantCulture, $"q{qubit}");
        var update = Args.UpdateRequested(a) ? "true" : "false";
        var f01 = QubitCalibration.From(context.Parameters, qubit).F01Mhz;
        var half = a.GetDouble("frequency_span") / 2;
        var plan = new List<(string Name, Dictionary<string, string> Arguments)>
        {
            (
                "qubit_spectroscopy",
                new()
                {
                    ["dut_qubit"] = q,
                    ["update"] = update,
                    ["start"] = Format(f01 - half),
                    ["stop"] = Format(f01 + half),
                }
            ),
            ("rabi", new() { ["dut_qubit"] = q, ["update"] = update }),
            ("ramsey", new() { ["dut"] = q, ["update"] = update }),
            ("pingpong", new() { ["dut"] = q, ["update"] = update }),
        };
        if (a.GetBool("include_drag"))
        {
            plan.Add(("drag", new() { ["dut"] = q, ["update"] = update }));
        }

        if (a.GetBool("include_coherence"))
        {
            plan.Add(("t1", new() { ["qubit"] = q }));
            plan.Add(("echo", new() { ["dut"] = q }));
        }

        var done = new List<string>();
        var lines = new List<string>();
        var applied = new List<string>();
        var minR2 = double.PositiveInfinity;
        var r2s = new List<double>();
        string? stoppedAt = null;
        var stopReason = "";
        foreach (var (name, arguments) in plan)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var step = await runner.RunAsync(name, arguments, cancellationToken).ConfigureAwait(false);
            done.Add(name);
            var quality = TextOf(step, Outputs.FitQuality) ?? "bad";
            var reason = TextOf(step, Outputs.FitQualityReason) ?? "the step reported no verdict";
            lines.Add($"{name}: {quality} ({step.Summary})");
            var r2 = NumberOf(step, Outputs.RSquared);
            r2s.Add(r2);
            if (double.IsFinite(r2))
            {
                minR2 = Math.Min(minR2, r2);
            }

            applied.AddRange(
                step.Updates.Select(u =>
                    string.Create(CultureInfo.InvariantCulture, $"{u.Parameter} = {u.Value} ({name})")
                )
            );
            Collect(outcome, name, step);
            if (quality != "good")
            {
                stoppedAt = name;
                stopReason = reason;
                break;
            }
        }

        var completed = stoppedAt is null;
        if (context.ReturnPlots)
        {
            outcome.Figure(
                new Figure(
                    $"Tune-up of {q}: {(completed ? "completed" : "stopped at " + stoppedAt)}",
                    "Step ("
                        + string.Join(
                            ", ",
                            done.Select((n, i) => string.Create(CultureInfo.InvariantCulture, $"{i + 1} = {n}"))
                        )
                        + ")",
                    "R² of the step's fit",
                    [
                        new FigureSeries(
                            "steps",
                            [.. done.Select((_, i) => (double)(i + 1))],
                            [.. r2s],
                            SeriesStyle.LineAndMarkers
                        ),
                    ]
                )
            );
        }

        outcome
            .Text("steps", string.Join(",", done))
            .Text("step_results", string.Join("\n", lines))
            .Flag("completed", completed)
            .Text("stopped_at", stoppedAt ?? "")
            .Text("stop_reason", stopReason)
            .Text(Outputs.FitQuality, completed ? "good" : "bad")
            .Text(
                Outputs.FitQualityReason,
                completed ? "every step's fit was good" : $"stopped at {stoppedAt}: {stopReason}"
            )
            .Number(Outputs.RSquared, double.IsFinite(minR2) ? minR2 : double.NaN);
        if (Args.UpdateRequested(a))
        {
            outcome.UpdateNote(
                applied.Count > 0
                    ? "the steps' updates were applied as the chain ran: " + string.Join("; ", applied)
                    : "no step proposed an update"
            );
        }

        outcome.Summary = completed
            ? $"Tune-up of {q} completed: {string.Join(", ", done)}."
            : $"Tune-up of {q} stopped at {stoppedAt}: {stopReason}";
        return outcome.Build();
    }

    /// <summary>Copies the step's key results into the chain's outputs.</summary>
    private static void Collect(OutcomeBuilder outcome, string step, ExperimentOutcome result)
    {
        void Copy(string from, string to)
        {
            var value = NumberOf(result, from);
            if (double.IsFinite(value))
            {
                outcome.Fitted(to, value, NumberOf(result, from + "_std"));
            }
        }

        switch (step)
        {
            case "qubit_spectroscopy":
                Copy("frequency_guess", "f01");
                break;
            case "rabi":
                Copy("guess_amp", "pi_amp");
                break;
            case "ramsey":
                Copy("frequency_guess", "f01");
                break;
            case "pingpong":
                Copy("best_amp", "pi_amp");
                break;
            case "drag":
                Copy("optimum", "drag_alpha");
                break;
            case "t1":
                Copy("fit_params.Decay", "t1");
                break;
            case "echo":
                Copy("fit_params.Decay", "t2_echo");
                break;
            default:
                break;
        }
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string? TextOf(ExperimentOutcome outcome, string name) =>
        outcome.Data.FirstOrDefault(d => d.Name == name)?.Value as string;

    private static double NumberOf(ExperimentOutcome outcome, string name) =>
        outcome.Data.FirstOrDefault(d => d.Name == name)?.Value is double d ? d : double.NaN;
}
