using LeeQ.Epii.Platform.Contracts.Experiments;
using LeeQ.Epii.Platform.Contracts.Parameters;
using LeeQ.Epii.Platform.Contracts.Programs;
using LeeQ.Epii.Platform.Contracts.Results;
using LeeQ.Epii.Platform.Plugins.Experiments.Standard.Common;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.MultiQubit;

/// <summary>
/// Time Rabi on several qubits at once; per qubit the same analysis as
/// <see cref="Calibrations.NormalisedRabi"/> (A_π = A / (2·f·area(pi_width))).
/// </summary>
public sealed class MultiQubitRabi : IExperiment
{
    /// <inheritdoc />
    public ExperimentDescriptor Descriptor { get; } =
        new()
        {
            Name = "calibrations.MultiQubitRabi",
            Description =
                "Time Rabi on several qubits simultaneously: square pulses of swept width on each, one sinusoid fit per qubit.",
            Purpose = "Calibrates the pi amplitude of several qubits in one run.",
            RunDocumentation =
                "Give duts. amp applies to every qubit unless amps lists one amplitude per qubit. With update=true each qubit with a good fit gets <q>.pi_amp = guess_amp.",
            DataDocumentation =
                "data[i] is P(1) of qubit qubit_indices[i] per width (widths, us); frequencies in MHz and guess_amps with their _std per qubit.",
            Parameters =
            [
                MultiQubitSweep.QubitsArgument(),
                Args.Float("amp", "", 0.2, "Drive amplitude for every qubit", -1.0, 1.0),
                new ArgumentSpec
                {
                    Name = "amps",
                    Type = ParameterType.FloatList,
                    Default = null,
                    Description = "One drive amplitude per qubit (overrides amp)",
                },
                Args.Float("start", "us", 0.01, "First pulse width", 0.0, 1000.0),
                Args.Float("stop", "us", 0.3, "Pulse widths stop before this value", 0.0, 1000.0),
                Args.Float("step", "us", 0.002, "Pulse width step", 1e-6, 1000.0),
                Args.CollectionName(),
                Args.MprimIndex(),
                Args.Update(true, "each good guess_amp as <q>.pi_amp"),
            ],
            Outputs =
            [
                Outputs.Array("data", "(Q, N)", "P(1) per qubit and width"),
                Outputs.Array("widths", "(N,)", "Pulse widths, us"),
                Outputs.Array("frequencies", "(Q,)", "Fitted Rabi frequency per qubit, MHz"),
                Outputs.Array("frequencies_std", "(Q,)", "Standard error of frequencies, MHz"),
                Outputs.Array("guess_amps", "(Q,)", "Pi amplitude of the calibrated envelope per qubit"),
                Outputs.Array("guess_amps_std", "(Q,)", "Standard error of guess_amps"),
                .. MultiQubitSweep.QualityOutputs(),
            ],
        };

    /// <inheritdoc />
    public async Task<ExperimentOutcome> RunAsync(ExperimentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var a = context.Arguments;
        var qubits = MultiQubitSweep.Qubits(a);
        var amps = a.HasValue("amps") ? a.GetDoubles("amps").ToArray() : [.. qubits.Select(_ => a.GetDouble("amp"))];
        if (amps.Length != qubits.Length)
        {
            throw new ExperimentArgumentException("amps", $"lists {amps.Length} amplitudes for {qubits.Length} qubits");
        }

        var start = a.GetDouble("start");
        var widths = Sweep.Arange(start, a.GetDouble("stop"), a.GetDouble("step"), "start", "stop", "step");
        var gates = qubits.Select(q => Gates.For(context.Parameters, q)).ToArray();
        var index = qubits.Select((q, i) => (q, i)).ToDictionary(t => t.q, t => t.i);
        var p1 = await MultiQubitSweep
            .RunAsync(
                context,
                gates,
                widths.Length,
                (b, g, k) =>
                    b.Play(g.Qubit, g.Calibration.F01Mhz, amps[index[g.Qubit]], 0.0, widths[k], PulseEnvelope.Square),
                cancellationToken
            )
            .ConfigureAwait(false);
        var x = widths.Select(w => w - start).ToArray();
        var outcome = new OutcomeBuilder(Descriptor);
        var reports = new List<FitReport>();
        var f = new double[qubits.Length];
        var fStd = new double[qubits.Length];
        var guess = new double[qubits.Length];
        var guessStd = new double[qubits.Length];
        for (var i = 0; i < qubits.Length; i++)
        {
            var cal = gates[i].Calibration;
            var area = cal.Envelope.Area(cal.PiWidthUs);
            double? hint = cal.PiAmp != 0 ? Math.Abs(amps[i] / (2 * cal.PiAmp * area)) : null;
            var (fit, gate) = OscillationAnalysis.Analyse(x, p1[i], hint);
            f[i] = fit["frequency"];
            fStd[i] = fit.ErrorOf("frequency");
            guess[i] = Math.Abs(amps[i]) / (2 * f[i] * area);
            guessStd[i] = guess[i] * fStd[i] / f[i];
            gate.Require(
                !fit.Converged || guess[i] <= 1.0,
                FitGate.Invariant($"the implied pi amplitude {guess[i]:G4} exceeds full scale")
            );
            var report = OutcomeBuilder.Report(
                fit,
                gate,
                new FitValue("frequency", f[i], fStd[i], "MHz"),
                new FitValue("guess_amp", guess[i], guessStd[i])
            );
            reports.Add(report);
            outcome.ProposeUpdates(
                Args.UpdateRequested(a),
                gate.Quality,
                $"q{qubits[i]}: {gate.Reason}",
                new CalibrationUpdate(
                    WellKnownParameters.Qubit(qubits[i], WellKnownParameters.PiAmp),
                    guess[i],
                    "multi-qubit time Rabi"
                )
            );
            if (context.ReturnPlots)
            {
                outcome.Figure(
                    Figures.DataAndFit(
                        FitGate.Invariant($"Time Rabi Q{qubits[i]} (amp {amps[i]})"),
                        "Pulse width (µs)",
                        "P(1)",
                        widths,
                        p1[i],
                        fit.Converged ? t => fit.Evaluate(t - start) : null
                    )
                );
            }
        }

        outcome
            .Array("data", MultiQubitSweep.Flatten(p1), qubits.Length, widths.Length)
            .Array("widths", widths)
            .Array("frequencies", f)
            .Array("frequencies_std", fStd)
            .Array("guess_amps", guess)
            .Array("guess_amps_std", guessStd);
        MultiQubitSweep.EmitQuality(outcome, qubits, reports);
        outcome.Summary = MultiQubitSweep.Verdicts(qubits, reports);
        return outcome.Build();
    }
}
