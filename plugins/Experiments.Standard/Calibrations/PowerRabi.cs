using System.Globalization;
using LeeQ.Epii.Platform.Contracts.Experiments;
using LeeQ.Epii.Platform.Contracts.Parameters;
using LeeQ.Epii.Platform.Contracts.Programs;
using LeeQ.Epii.Platform.Contracts.Results;
using LeeQ.Epii.Platform.Plugins.Experiments.Standard.Common;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Calibrations;

/// <summary>
/// Power Rabi: pulses of the calibrated envelope and fixed width with swept amplitude. P(1)
/// oscillates in amplitude with frequency f (cycles per unit amplitude) = r·area(width), so the π
/// amplitude at that width is 1/(2f), converted to pi_width by the envelope area ratio.
/// </summary>
public sealed class PowerRabi : IExperiment
{
    /// <inheritdoc />
    public ExperimentDescriptor Descriptor { get; } =
        new()
        {
            Name = "calibrations.PowerRabi",
            Aliases = ["power_rabi"],
            Description =
                "Power Rabi: P(1) after a gate-shaped pulse of fixed width and swept amplitude, fitted with a sinusoid.",
            Purpose = "Finds the pi-pulse amplitude of the calibrated gate envelope directly.",
            RunDocumentation =
                "Give dut_qubit. The defaults sweep amplitudes 0.01-1.0 in steps of 0.01 with the calibrated envelope and pi_width; with update=true the pi amplitude is proposed as <q>.pi_amp when the fit is good.",
            DataDocumentation =
                "data is P(1) per amplitude (amps). fit_params.Frequency is in cycles per unit amplitude; guess_amp = 1/(2*Frequency) converted to pi_width.",
            Parameters =
            [
                Args.Qubit("dut_qubit"),
                Args.Float("amp_start", "", 0.01, "First amplitude", -1.0, 1.0),
                Args.Float("amp_stop", "", 1.0, "Amplitudes stop before this value", -1.0, 1.0),
                Args.Float("amp_step", "", 0.01, "Amplitude step", 1e-5, 1.0),
                Args.Float("width", "us", null, "Pulse width; unset uses the calibrated pi_width", 0.001, 100.0),
                Args.CollectionName(),
                Args.MprimIndex(),
                Args.Update(true, "guess_amp as <q>.pi_amp"),
                Args.PythonOnly("initial_lpb", "Pulses played before the swept pulse"),
            ],
            Outputs =
            [
                Outputs.Array("data", "(N,)", "P(1) per amplitude, float64"),
                Outputs.Array("amps", "(N,)", "Swept amplitudes (fraction of full scale)"),
                .. Outputs.Fitted("fit_params.Frequency", "Oscillation frequency in cycles per unit amplitude"),
                .. Outputs.Fitted("fit_params.Amplitude", "Oscillation amplitude (half the P(1) contrast)"),
                .. Outputs.Fitted("fit_params.Phase", "Phase at the first amplitude, rad"),
                .. Outputs.Fitted("fit_params.Offset", "Mean P(1)"),
                .. Outputs.Fitted("guess_amp", "Amplitude of a pi pulse of the calibrated envelope and pi_width"),
                .. Outputs.Quality(),
                Outputs.ShotIq("shot_iq", "(N, shots)"),
            ],
            Notes =
            [
                "Default set: amp_stop 1.0 instead of the original 0.4, which on a qubit with pi_amp near 0.47 covers less than half an oscillation.",
            ],
        };

    /// <inheritdoc />
    public async Task<ExperimentOutcome> RunAsync(ExperimentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var a = context.Arguments;
        Args.RejectPythonOnly(a, "initial_lpb");
        var qubit = a.GetQubit("dut_qubit");
        var start = a.GetDouble("amp_start");
        var amps = Sweep.Arange(
            start,
            a.GetDouble("amp_stop"),
            a.GetDouble("amp_step"),
            "amp_start",
            "amp_stop",
            "amp_step"
        );
        var gates = Gates.For(context.Parameters, qubit);
        var cal = gates.Calibration;
        var width = Args.DoubleOr(a, "width", cal.PiWidthUs);
        var programs = amps.Select(amp =>
            {
                var b = PulseProgram.Builder().Play(qubit, cal.F01Mhz, amp, 0.0, width, cal.Envelope);
                return gates.Measure(b).Build();
            })
            .ToArray();
        var data = await ProgramRunner.MeasureAsync(context, programs, cancellationToken).ConfigureAwait(false);

        var areaRatio = cal.Envelope.Area(width) / cal.Envelope.Area(cal.PiWidthUs);
        double? hint = cal.PiAmp != 0 ? Math.Abs(1 / (2 * cal.PiAmp * areaRatio)) : null;
        var x = amps.Select(v => v - start).ToArray();
        var (fit, gate) = OscillationAnalysis.Analyse(x, data.P1, hint);
        var f = fit["frequency"];
        var fStd = fit.ErrorOf("frequency");
        var guess = areaRatio / (2 * f);
        var guessStd = guess * fStd / f;
        gate.Require(
            !fit.Converged || guess <= 1.0,
            FitGate.Invariant($"the implied pi amplitude {guess:G4} exceeds full scale")
        );
        var report = OutcomeBuilder.Report(
            fit,
            gate,
            new FitValue("frequency", f, fStd, "1/amp"),
            new FitValue("amplitude", fit["amplitude"], fit.ErrorOf("amplitude")),
            new FitValue("phase", fit["phase"], fit.ErrorOf("phase"), "rad"),
            new FitValue("offset", fit["offset"], fit.ErrorOf("offset")),
            new FitValue("guess_amp", guess, guessStd)
        );
        var outcome = new OutcomeBuilder(Descriptor)
            .Array("data", data.P1)
            .Array("amps", amps)
            .Fitted("fit_params.Frequency", f, fStd, fit.Converged)
            .Fitted("fit_params.Amplitude", fit["amplitude"], fit.ErrorOf("amplitude"), fit.Converged)
            .Fitted("fit_params.Phase", fit["phase"], fit.ErrorOf("phase"), fit.Converged)
            .Fitted("fit_params.Offset", fit["offset"], fit.ErrorOf("offset"), fit.Converged)
            .Fitted("guess_amp", guess, guessStd, fit.Converged)
            .Quality(report)
            .Fit(report)
            .Shots(context, "shot_iq", data, amps.Length)
            .ProposeUpdates(
                Args.UpdateRequested(a),
                gate.Quality,
                gate.Reason,
                new CalibrationUpdate(
                    WellKnownParameters.Qubit(qubit, WellKnownParameters.PiAmp),
                    guess,
                    "power Rabi fit"
                )
            );
        if (context.ReturnPlots)
        {
            outcome.Figure(
                Figures.DataAndFit(
                    string.Create(CultureInfo.InvariantCulture, $"Power Rabi Q{qubit} (width {width} µs)"),
                    "Pulse amplitude (fraction of full scale)",
                    "P(1)",
                    amps,
                    data.P1,
                    fit.Converged ? v => fit.Evaluate(v - start) : null
                )
            );
        }

        outcome.Summary =
            gate.Quality == FitQuality.Good
                ? FitGate.Invariant($"pi amplitude {guess:F5} ± {guessStd:F5}.")
                : $"Power Rabi fit is bad: {gate.Reason}.";
        return outcome.Build();
    }
}
