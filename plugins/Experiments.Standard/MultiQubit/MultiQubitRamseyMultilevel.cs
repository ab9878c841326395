using LeeQ.Epii.Platform.Contracts.Experiments;
using LeeQ.Epii.Platform.Contracts.Parameters;
using LeeQ.Epii.Platform.Contracts.Results;
using LeeQ.Epii.Platform.Plugins.Experiments.Standard.Common;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.MultiQubit;

/// <summary>
/// Ramsey on several qubits at once; per qubit the analysis of
/// <see cref="Calibrations.SimpleRamseyMultilevel"/> (f_q = f_drive + set_offset − F).
/// </summary>
public sealed class MultiQubitRamseyMultilevel : IExperiment
{
    /// <inheritdoc />
    public ExperimentDescriptor Descriptor { get; } =
        new()
        {
            Name = "calibrations.MultiQubitRamseyMultilevel",
            Description = "Ramsey fringes on several qubits simultaneously, one damped-sinusoid fit per qubit.",
            Purpose = "Measures frequency errors and T2* of several qubits in one run.",
            RunDocumentation =
                "Give duts. Delays 0-50 us in 0.1 us steps and set_offset 1 MHz by default (as ramsey). With update=true each qubit with a good fit gets <q>.f01 = frequency_guess.",
            DataDocumentation =
                "data[i] is P(1) of qubit qubit_indices[i] per delay (times, us); frequency_guess (MHz) and t2_star (us) with _std per qubit.",
            Parameters =
            [
                MultiQubitSweep.QubitsArgument(),
                Args.CollectionName(),
                Args.MprimIndex(),
                Args.Float("start", "us", 0.0, "First delay", 0.0, 100_000.0),
                Args.Float("stop", "us", 50.0, "Delays stop before this value", 0.0, 100_000.0),
                Args.Float("step", "us", 0.1, "Delay step", 1e-5, 10_000.0),
                Args.Float(
                    "set_offset",
                    "MHz",
                    1.0,
                    "Virtual detuning; must exceed the expected frequency errors",
                    0.001,
                    500.0
                ),
                Args.Update(true, "each good frequency_guess as <q>.f01"),
            ],
            Outputs =
            [
                Outputs.Array("data", "(Q, N)", "P(1) per qubit and delay"),
                Outputs.Array("times", "(N,)", "Delays, us"),
                Outputs.Array("frequency_guess", "(Q,)", "Estimated qubit frequency per qubit, MHz"),
                Outputs.Array("frequency_guess_std", "(Q,)", "Standard error of frequency_guess, MHz"),
                Outputs.Array("t2_star", "(Q,)", "Fringe decay time per qubit, us"),
                Outputs.Array("t2_star_std", "(Q,)", "Standard error of t2_star, us"),
                .. MultiQubitSweep.QualityOutputs(),
            ],
        };

    /// <inheritdoc />
    public async Task<ExperimentOutcome> RunAsync(ExperimentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var a = context.Arguments;
        var qubits = MultiQubitSweep.Qubits(a);
        var times = Sweep.Arange(
            a.GetDouble("start"),
            a.GetDouble("stop"),
            a.GetDouble("step"),
            "start",
            "stop",
            "step"
        );
        var offset = a.GetDouble("set_offset");
        var gates = qubits.Select(q => Gates.For(context.Parameters, q)).ToArray();
        var p1 = await MultiQubitSweep
            .RunAsync(
                context,
                gates,
                times.Length,
                (b, g, k) => RamseyAnalysis.Append(b, g, times[k], offset),
                cancellationToken
            )
            .ConfigureAwait(false);
        var results = qubits
            .Select((q, i) => RamseyAnalysis.Analyse(times, p1[i], offset, gates[i].Calibration.F01Mhz))
            .ToArray();
        var outcome = new OutcomeBuilder(Descriptor)
            .Array("data", MultiQubitSweep.Flatten(p1), qubits.Length, times.Length)
            .Array("times", times)
            .Array("frequency_guess", [.. results.Select(r => r.FrequencyGuess)])
            .Array("frequency_guess_std", [.. results.Select(r => r.Fit.ErrorOf("frequency"))])
            .Array("t2_star", [.. results.Select(r => r.Fit["decay"])])
            .Array("t2_star_std", [.. results.Select(r => r.Fit.ErrorOf("decay"))]);
        for (var i = 0; i < qubits.Length; i++)
        {
            var r = results[i];
            outcome.ProposeUpdates(
                Args.UpdateRequested(a),
                r.Gate.Quality,
                $"q{qubits[i]}: {r.Gate.Reason}",
                new CalibrationUpdate(
                    WellKnownParameters.Qubit(qubits[i], WellKnownParameters.F01),
                    r.FrequencyGuess,
                    "multi-qubit Ramsey"
                )
            );
            if (context.ReturnPlots)
            {
                outcome.Figure(
                    Figures.DataAndFit(
                        FitGate.Invariant($"Ramsey Q{qubits[i]}: f = {r.FrequencyGuess:F4} MHz"),
                        "Delay (µs)",
                        "P(1)",
                        times,
                        p1[i],
                        r.Fit.Converged ? r.Fit.Evaluate : null
                    )
                );
            }
        }

        var reports = results.Select(r => r.Report).ToArray();
        MultiQubitSweep.EmitQuality(outcome, qubits, reports);
        outcome.Summary = MultiQubitSweep.Verdicts(qubits, reports);
        return outcome.Build();
    }
}
