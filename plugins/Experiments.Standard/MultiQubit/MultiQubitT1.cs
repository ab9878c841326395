using LeeQ.Epii.Platform.Contracts.Experiments;
using LeeQ.Epii.Platform.Contracts.Results;
using LeeQ.Epii.Platform.Plugins.Experiments.Standard.Common;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.MultiQubit;

/// <summary>T1 of several qubits in one run: each qubit gets a π pulse, all wait t, all are read out.</summary>
public sealed class MultiQubitT1 : IExperiment
{
    /// <inheritdoc />
    public ExperimentDescriptor Descriptor { get; } =
        new()
        {
            Name = "characterizations.MultiQubitT1",
            Description =
                "T1 of several qubits measured simultaneously: pi pulse on each, common delay, readout of each; one exponential fit per qubit.",
            Purpose = "Measures T1 of many qubits in the time of one.",
            RunDocumentation = "Give duts (e.g. q0,q1). Delays 0-100 us in 1 us steps by default.",
            DataDocumentation =
                "traces[i] is P(1) of qubit qubit_indices[i] per delay; t1[i] and t1_std[i] its fitted T1 in us (NaN when its fit did not converge).",
            Parameters =
            [
                MultiQubitSweep.QubitsArgument(),
                Args.CollectionName(),
                Args.MprimIndex(),
                Args.Float("time_length", "us", 100.0, "Delays stop before this value", 0.0, 100_000.0),
                Args.Float("time_resolution", "us", 1.0, "Delay step", 1e-4, 10_000.0),
            ],
            Outputs =
            [
                Outputs.Array("traces", "(Q, N)", "P(1) per qubit and delay"),
                Outputs.Array("times", "(N,)", "Delays, us"),
                Outputs.Array("t1", "(Q,)", "Fitted T1 per qubit, us"),
                Outputs.Array("t1_std", "(Q,)", "Standard error of t1, us"),
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
            0.0,
            a.GetDouble("time_length"),
            a.GetDouble("time_resolution"),
            "time_length",
            "time_length",
            "time_resolution"
        );
        var gates = qubits.Select(q => Gates.For(context.Parameters, q)).ToArray();
        var p1 = await MultiQubitSweep
            .RunAsync(context, gates, times.Length, (b, g, k) => g.Pi(b).Delay(times[k], g.Qubit), cancellationToken)
            .ConfigureAwait(false);
        var fits = p1.Select(row => DecayAnalysis.Analyse(times, row, "T1")).ToArray();
        var outcome = new OutcomeBuilder(Descriptor)
            .Array("traces", MultiQubitSweep.Flatten(p1), qubits.Length, times.Length)
            .Array("times", times)
            .Array("t1", [.. fits.Select(f => f.Fit["decay"])])
            .Array("t1_std", [.. fits.Select(f => f.Fit.ErrorOf("decay"))]);
        MultiQubitSweep.EmitQuality(outcome, qubits, [.. fits.Select(f => f.Report)]);
        if (context.ReturnPlots)
        {
            for (var i = 0; i < qubits.Length; i++)
            {
                var fit = fits[i].Fit;
                outcome.Figure(
                    Figures.DataAndFit(
                        FitGate.Invariant(
                            $"T1 decay Q{qubits[i]}: T1 = {fit["decay"]:F2} ± {fit.ErrorOf("decay"):F2} µs"
                        ),
                        "Delay (µs)",
                        "P(1)",
                        times,
                        p1[i],
                        fit.Converged ? fit.Evaluate : null
                    )
                );
            }
        }

        outcome.Summary = string.Join(
            " ",
            qubits.Select(
                (q, i) =>
                    FitGate.Invariant(
                        $"q{q}: T1 = {fits[i].Fit["decay"]:F2} ± {fits[i].Fit.ErrorOf("decay"):F2} us ({(fits[i].Gate.Quality == FitQuality.Good ? "good" : "bad")})."
                    )
            )
        );
        return outcome.Build();
    }
}
