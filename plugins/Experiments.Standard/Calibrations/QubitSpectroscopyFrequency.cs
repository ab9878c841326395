using LeeQ.Epii.Platform.Contracts.Experiments;
using LeeQ.Epii.Platform.Contracts.Parameters;
using LeeQ.Epii.Platform.Contracts.Programs;
using LeeQ.Epii.Platform.Contracts.Results;
using LeeQ.Epii.Platform.Plugins.Experiments.Standard.Common;
using LeeQ.Epii.Platform.Plugins.Experiments.Standard.Fitting;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Calibrations;

/// <summary>
/// Pulsed qubit spectroscopy: a long square pulse whose frequency is swept, then a readout. Near
/// resonance P(1) rises in a line of width about 1/width; a Lorentzian fit gives its centre f01.
/// </summary>
public sealed class QubitSpectroscopyFrequency : IExperiment
{
    /// <inheritdoc />
    public ExperimentDescriptor Descriptor { get; } =
        new()
        {
            Name = "calibrations.QubitSpectroscopyFrequency",
            Aliases = ["qubit_spectroscopy"],
            Description =
                "Qubit spectroscopy: P(1) after a long square drive pulse of swept frequency, fitted with a Lorentzian.",
            Purpose = "Finds the qubit frequency f01 when it is known only roughly (to within the swept span).",
            RunDocumentation =
                "Give dut_qubit. By default the sweep spans the calibrated f01 +/- 10 MHz in 0.2 MHz steps with a 1 us pulse whose amplitude makes it a pi pulse on resonance (from pi_amp). For a wider search give start/stop and a longer step with a shorter, stronger pulse. With update=true, frequency_guess is proposed as <q>.f01 when the fit is good.",
            DataDocumentation =
                "data is P(1) per drive frequency (frequencies, MHz); frequency_guess is the fitted line centre in MHz, linewidth its full width at half maximum.",
            Parameters =
            [
                Args.Qubit("dut_qubit"),
                Args.Float(
                    "start",
                    "MHz",
                    null,
                    "First drive frequency; unset: calibrated f01 - 10 MHz",
                    1.0,
                    50_000.0
                ),
                Args.Float(
                    "stop",
                    "MHz",
                    null,
                    "Drive frequencies stop before this value; unset: calibrated f01 + 10 MHz",
                    1.0,
                    50_000.0
                ),
                Args.Float("step", "MHz", 0.2, "Frequency step", 1e-4, 10_000.0),
                new ArgumentSpec
                {
                    Name = "num_avs",
                    Type = ParameterType.Int,
                    Default = null,
                    Description = "Shots per frequency; unset uses status.shot_number",
                },
                Args.Float(
                    "mp_width",
                    "us",
                    null,
                    "Readout integration width; unset uses the calibrated readout width",
                    0.01,
                    100.0
                ),
                Args.Float(
                    "amp",
                    "",
                    null,
                    "Drive amplitude; unset: the amplitude that makes the pulse a pi pulse on resonance",
                    -1.0,
                    1.0
                ),
                Args.Float("width", "us", 1.0, "Drive pulse width (longer gives a narrower line)", 0.01, 1000.0),
                Args.Float(
                    "res_freq",
                    "MHz",
                    null,
                    "Readout frequency; unset uses the calibrated readout frequency",
                    1.0,
                    50_000.0
                ),
                Args.Bool(
                    "disable_noise",
                    false,
                    "Kept for compatibility; noise is a backend setting (status.sampling_noise) and this flag has no effect"
                ),
                Args.Update(false, "frequency_guess as <q>.f01"),
            ],
            Outputs =
            [
                Outputs.Array("data", "(N,)", "P(1) per drive frequency, float64"),
                Outputs.Array("frequencies", "(N,)", "Drive frequencies, MHz"),
                Outputs.ComplexArray("iq", "(N,)", "Mean IQ per drive frequency (arbitrary units)"),
                .. Outputs.Fitted("frequency_guess", "Fitted line centre (qubit frequency), MHz"),
                .. Outputs.Fitted("linewidth", "Full width at half maximum of the line, MHz"),
                .. Outputs.Fitted("peak_height", "Height of the P(1) line above the baseline"),
                .. Outputs.Quality(),
                Outputs.ShotIq("shot_iq", "(N, shots)"),
            ],
            Notes =
            [
                "Default set: a pulsed sweep around the calibrated f01 (the original swept 3000-8000 MHz in 5 MHz steps with a CW tone, which cannot locate f01 to 1 MHz).",
            ],
        };

    /// <inheritdoc />
    public async Task<ExperimentOutcome> RunAsync(ExperimentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var a = context.Arguments;
        var qubit = a.GetQubit("dut_qubit");
        var gates = Gates.For(context.Parameters, qubit);
        var cal = gates.Calibration;
        var frequencies = Sweep.Arange(
            Args.DoubleOr(a, "start", cal.F01Mhz - 10),
            Args.DoubleOr(a, "stop", cal.F01Mhz + 10),
            a.GetDouble("step"),
            "start",
            "stop",
            "step"
        );
        var width = a.GetDouble("width");
        var amp = Args.DoubleOr(a, "amp", cal.PiAmp * cal.Envelope.Area(cal.PiWidthUs) / width);
        var readout = cal with
        {
            ReadoutFrequencyMhz = Args.DoubleOr(a, "res_freq", cal.ReadoutFrequencyMhz),
            ReadoutWidthUs = Args.DoubleOr(a, "mp_width", cal.ReadoutWidthUs),
        };
        var readoutGates = new Gates(readout);
        var programs = frequencies
            .Select(f =>
                readoutGates
                    .Measure(PulseProgram.Builder().Play(qubit, f, amp, 0.0, width, PulseEnvelope.Square))
                    .Build()
            )
            .ToArray();
        var data = await ProgramRunner
            .MeasureAsync(context, programs, cancellationToken, shots: Shots.FromAverages(a, "num_avs"))
            .ConfigureAwait(false);

        var fit = LorentzianFit.Fit(frequencies, data.P1);
        var gate = new FitGate(fit, 0.6);
        var step = a.GetDouble("step");
        if (fit.Converged)
        {
            gate.Require(
                    fit["amplitude"] >= 0.1,
                    FitGate.Invariant($"no qubit line: the P(1) peak height {fit["amplitude"]:F3} is below 0.1")
                )
                .Require(
                    fit["center"] >= frequencies[0] && fit["center"] <= frequencies[^1],
                    FitGate.Invariant($"the fitted centre {fit["center"]:F3} MHz lies outside the sweep")
                )
                .Require(
                    fit.ErrorOf("center") <= Math.Max(step, 0.1),
                    FitGate.Invariant($"the centre is poorly determined (± {fit.ErrorOf("center"):G3} MHz)")
                )
                .Require(
                    2 * fit["hwhm"] >= step,
                    FitGate.Invariant(
                        $"the line ({2 * fit["hwhm"]:G3} MHz wide) is narrower than one step ({step} MHz); reduce step"
                    )
                );
        }

        var report = OutcomeBuilder.Report(
            fit,
            gate,
            new FitValue("frequency_guess", fit["center"], fit.ErrorOf("center"), "MHz"),
            new FitValue("linewidth", 2 * fit["hwhm"], 2 * fit.ErrorOf("hwhm"), "MHz"),
            new FitValue("peak_height", fit["amplitude"], fit.ErrorOf("amplitude"))
        );
        var outcome = new OutcomeBuilder(Descriptor)
            .Array("data", data.P1)
            .Array("frequencies", frequencies)
            .Array("iq", data.MeanIq)
            .Fitted("frequency_guess", fit["center"], fit.ErrorOf("center"), fit.Converged)
            .Fitted("linewidth", 2 * fit["hwhm"], 2 * fit.ErrorOf("hwhm"), fit.Converged)
            .Fitted("peak_height", fit["amplitude"], fit.ErrorOf("amplitude"), fit.Converged)
            .Quality(report)
            .Fit(report)
            .Shots(context, "shot_iq", data, frequencies.Length)
            .ProposeUpdates(
                Args.UpdateRequested(a),
                gate.Quality,
                gate.Reason,
                new CalibrationUpdate(
                    WellKnownParameters.Qubit(qubit, WellKnownParameters.F01),
                    fit["center"],
                    "qubit spectroscopy line centre"
                )
            );
        if (context.ReturnPlots)
        {
            outcome.Figure(
                Figures.DataAndFit(
                    FitGate.Invariant($"Qubit spectroscopy Q{qubit}: f01 = {fit["center"]:F3} MHz"),
                    "Drive frequency (MHz)",
                    "P(1)",
                    frequencies,
                    data.P1,
                    fit.Converged ? fit.Evaluate : null
                )
            );
        }

        outcome.Summary =
            gate.Quality == FitQuality.Good
                ? FitGate.Invariant(
                    $"qubit line at {fit["center"]:F4} ± {fit.ErrorOf("center"):F4} MHz (calibrated {cal.F01Mhz:F4})."
                )
                : $"Qubit spectroscopy fit is bad: {gate.Reason}.";
        return outcome.Build();
    }
}
