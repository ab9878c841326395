using LeeQ.Epii.Platform.Contracts.Experiments;
using LeeQ.Epii.Platform.Contracts.Parameters;
using LeeQ.Epii.Platform.Contracts.Programs;
using LeeQ.Epii.Platform.Contracts.Results;
using LeeQ.Epii.Platform.Plugins.Experiments.Standard.Common;
using LeeQ.Epii.Platform.Plugins.Experiments.Standard.Fitting;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Calibrations;

/// <summary>
/// Resonator spectroscopy with the qubit in its ground state: the readout probe frequency is swept
/// and the mean IQ recorded. The response power |IQ|² of a resonator (notch or transmission) is a
/// Lorentzian in frequency; its centre is the dressed resonator frequency and 2γ its linewidth κ.
/// </summary>
public sealed class ResonatorSweepTransmissionWithExtraInitialLPB : IExperiment
{
    /// <inheritdoc />
    public ExperimentDescriptor Descriptor { get; } =
        new()
        {
            Name = "calibrations.ResonatorSweepTransmissionWithExtraInitialLPB",
            Aliases = ["resonator_spectroscopy"],
            Description =
                "Resonator spectroscopy: mean readout IQ per probe frequency with the qubit in its ground state; |IQ|^2 fitted with a Lorentzian.",
            Purpose = "Finds the readout resonator frequency (qubit in 0) and its linewidth.",
            RunDocumentation =
                "Give dut_qubit. By default the probe spans the calibrated readout frequency +/- 10 MHz in 0.1 MHz steps; for a search give start/stop (MHz) and a step below a quarter of the expected linewidth.",
            DataDocumentation =
                "data is the complex mean IQ per probe frequency (frequencies, MHz); result.Magnitude and result.Phase are its magnitude and unwrapped phase (rad). resonator_frequency is the fitted centre in MHz and linewidth the fitted full width (kappa) in MHz.",
            Parameters =
            [
                Args.Qubit("dut_qubit"),
                Args.Float(
                    "start",
                    "MHz",
                    null,
                    "First probe frequency; unset: calibrated readout frequency - 10 MHz",
                    1.0,
                    50_000.0
                ),
                Args.Float(
                    "stop",
                    "MHz",
                    null,
                    "Probe frequencies stop before this value; unset: calibrated readout frequency + 10 MHz",
                    1.0,
                    50_000.0
                ),
                Args.Float("step", "MHz", 0.1, "Probe frequency step", 1e-4, 10_000.0),
                new ArgumentSpec
                {
                    Name = "num_avs",
                    Type = ParameterType.Int,
                    Default = null,
                    Description = "Shots per frequency; unset uses status.shot_number",
                },
                Args.Float(
                    "rep_rate",
                    "us",
                    0.0,
                    "Kept for compatibility; the shot period is status.shot_period",
                    0.0,
                    1e6
                ),
                Args.Float(
                    "mp_width",
                    "us",
                    null,
                    "Readout width; unset uses the calibrated readout width",
                    0.01,
                    100.0
                ),
                Args.PythonOnly("initial_lpb", "Pulses played before the probe"),
                Args.Float("amp", "", null, "Probe amplitude; unset uses the calibrated readout amplitude", 0.0, 1.0),
                Args.Bool(
                    "use_kerr_nonlinearity",
                    false,
                    "Not supported (the original only recorded it); true is rejected"
                ),
                Args.Float(
                    "power",
                    "",
                    null,
                    "Kept for compatibility (the original only recorded it); it has no effect",
                    null,
                    null
                ),
            ],
            Outputs =
            [
                Outputs.ComplexArray("data", "(N,)", "Mean IQ per probe frequency (arbitrary units), complex128"),
                Outputs.Array("frequencies", "(N,)", "Probe frequencies, MHz"),
                Outputs.Array("result.Magnitude", "(N,)", "|IQ| per probe frequency"),
                Outputs.Array("result.Phase", "(N,)", "Unwrapped phase of IQ per probe frequency, rad"),
                Outputs.Flag("use_kerr_nonlinearity", "Whether a Kerr model was asked for (always false)"),
                .. Outputs.Fitted("resonator_frequency", "Fitted resonator frequency with the qubit in 0, MHz"),
                .. Outputs.Fitted("linewidth", "Fitted full linewidth kappa, MHz"),
                .. Outputs.Quality(),
                Outputs.ShotIq("shot_iq", "(N, shots)"),
            ],
            Notes =
            [
                "Default set: a 20 MHz window around the calibrated readout frequency; the original 8000-9000 MHz in 5 MHz steps cannot resolve a 2 MHz wide resonance.",
                "The original fitted nothing it returned; here the centre and linewidth come with standard errors.",
            ],
        };

    /// <inheritdoc />
    public async Task<ExperimentOutcome> RunAsync(ExperimentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var a = context.Arguments;
        Args.RejectPythonOnly(a, "initial_lpb");
        if (a.GetBool("use_kerr_nonlinearity"))
        {
            throw new ExperimentArgumentException(
                "use_kerr_nonlinearity",
                "a Kerr (power-dependent) resonator sweep is not supported; leave it false"
            );
        }

        var qubit = a.GetQubit("dut_qubit");
        var cal = QubitCalibration.From(context.Parameters, qubit);
        var frequencies = Sweep.Arange(
            Args.DoubleOr(a, "start", cal.ReadoutFrequencyMhz - 10),
            Args.DoubleOr(a, "stop", cal.ReadoutFrequencyMhz + 10),
            a.GetDouble("step"),
            "start",
            "stop",
            "step"
        );
        var amp = Args.DoubleOr(a, "amp", cal.ReadoutAmp);
        var width = Args.DoubleOr(a, "mp_width", cal.ReadoutWidthUs);
        var programs = frequencies
            .Select(f => PulseProgram.Builder().Measure(qubit, f, amp, width, Gates.MeasureKey).Build())
            .ToArray();
        var data = await ProgramRunner
            .MeasureAsync(context, programs, cancellationToken, shots: Shots.FromAverages(a, "num_avs"))
            .ConfigureAwait(false);

        var magnitude = data.MeanIq.Select(z => z.Magnitude).ToArray();
        var power = magnitude.Select(m => m * m).ToArray();
        var phase = Unwrap(data.MeanIq.Select(z => z.Phase).ToArray());
        var scale = power.Max() > 0 ? power.Max() : 1.0;
        var normalised = power.Select(p => p / scale).ToArray();
        var fit = LorentzianFit.Fit(frequencies, normalised);
        var step = a.GetDouble("step");
        var gate = new FitGate(fit, 0.8);
        if (fit.Converged)
        {
            gate.Require(
                    Math.Abs(fit["amplitude"]) >= 0.1,
                    FitGate.Invariant(
                        $"no resonance: the fitted depth {Math.Abs(fit["amplitude"]):F3} is below 0.1 of the response"
                    )
                )
                .Require(
                    fit["center"] >= frequencies[0] && fit["center"] <= frequencies[^1],
                    FitGate.Invariant($"the fitted centre {fit["center"]:F3} MHz lies outside the sweep")
                )
                .Require(
                    fit.ErrorOf("center") <= Math.Max(step, 0.05),
                    FitGate.Invariant($"the centre is poorly determined (± {fit.ErrorOf("center"):G3} MHz)")
                )
                .Require(
                    2 * fit["hwhm"] >= 2 * step,
                    FitGate.Invariant(
                        $"the resonance ({2 * fit["hwhm"]:G3} MHz wide) spans fewer than two steps; reduce step"
                    )
                );
        }

        var report = OutcomeBuilder.Report(
            fit,
            gate,
            new FitValue("resonator_frequency", fit["center"], fit.ErrorOf("center"), "MHz"),
            new FitValue("linewidth", 2 * fit["hwhm"], 2 * fit.ErrorOf("hwhm"), "MHz")
        );
        var outcome = new OutcomeBuilder(Descriptor)
            .Array("data", data.MeanIq)
            .Array("frequencies", frequencies)
            .Array("result.Magnitude", magnitude)
            .Array("result.Phase", phase)
            .Flag("use_kerr_nonlinearity", false)
            .Fitted("resonator_frequency", fit["center"], fit.ErrorOf("center"), fit.Converged)
            .Fitted("linewidth", 2 * fit["hwhm"], 2 * fit.ErrorOf("hwhm"), fit.Converged)
            .Quality(report)
            .Fit(report)
            .Shots(context, "shot_iq", data, frequencies.Length);
        if (context.ReturnPlots)
        {
            outcome.Figure(
                Figures.DataAndFit(
                    FitGate.Invariant($"Resonator spectroscopy Q{qubit}: f_r = {fit["center"]:F3} MHz"),
                    "Probe frequency (MHz)",
                    "|IQ|² (normalised)",
                    frequencies,
                    normalised,
                    fit.Converged ? fit.Evaluate : null
                )
            );
            outcome.Figure(
                Figures.DataAndFit(
                    $"Resonator phase Q{qubit}",
                    "Probe frequency (MHz)",
                    "Phase (rad)",
                    frequencies,
                    phase,
                    null
                )
            );
        }

        outcome.Summary =
            gate.Quality == FitQuality.Good
                ? FitGate.Invariant(
                    $"resonator at {fit["center"]:F4} ± {fit.ErrorOf("center"):F4} MHz, linewidth {2 * fit["hwhm"]:F3} MHz."
                )
                : $"Resonator fit is bad: {gate.Reason}.";
        return outcome.Build();
    }

    private static double[] Unwrap(double[] phase)
    {
        var result = (double[])phase.Clone();
        for (var k = 1; k < result.Length; k++)
        {
            var d = result[k] - result[k - 1];
            result[k] -= 2 * Math.PI * Math.Round(d / (2 * Math.PI));
        }

        return result;
    }
}
