using System.Globalization;
using LeeQ.Epii.Platform.Contracts.Experiments;
using LeeQ.Epii.Platform.Contracts.Parameters;
using LeeQ.Epii.Platform.Contracts.Programs;
using LeeQ.Epii.Platform.Contracts.Results;
using LeeQ.Epii.Platform.Plugins.Experiments.Standard.Common;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Calibrations;

/// <summary>
/// Time Rabi: square pulses of fixed amplitude and swept width, P(1) fitted with a sinusoid. The
/// fitted Rabi frequency f at amplitude A gives the rate r = f/A and the π amplitude of the
/// calibrated gate envelope, A_π = A / (2·f·area(pi_width)), since a pulse rotates the qubit by
/// 2π·r·A·∫Re s(t)dt.
/// </summary>
public sealed class NormalisedRabi : IExperiment
{
    /// <inheritdoc />
    public ExperimentDescriptor Descriptor { get; } =
        new()
        {
            Name = "calibrations.NormalisedRabi",
            Aliases = ["rabi"],
            Description =
                "Time Rabi oscillation: P(1) after a square drive pulse of fixed amplitude and swept width, fitted with a sinusoid.",
            Purpose =
                "Measures the Rabi frequency at a known amplitude and from it the pi-pulse amplitude of the calibrated gate envelope (guess_amp).",
            RunDocumentation =
                "Give dut_qubit. The defaults (amp 0.2, widths 0.01-0.3 us in 2 ns steps) cover about three oscillations on a qubit with a Rabi rate near 50 MHz per unit amplitude. With update=true the fitted guess_amp is proposed as <q>.pi_amp when the fit is good.",
            DataDocumentation =
                "data is P(1) per pulse width (widths). fit_params.* is the sinusoid P(1) = Amplitude*sin(2*pi*Frequency*(t - start) + Phase) + Offset with Frequency in MHz; each has a _std. guess_amp is the amplitude that makes the calibrated pi pulse a pi rotation.",
            Parameters =
            [
                Args.Qubit("dut_qubit"),
                Args.Float("amp", "", 0.2, "Amplitude of the square drive pulse, fraction of full scale", -1.0, 1.0),
                Args.Float("start", "us", 0.01, "First pulse width", 0.0, 1000.0),
                Args.Float("stop", "us", 0.3, "Pulse widths stop before this value", 0.0, 1000.0),
                Args.Float("step", "us", 0.002, "Pulse width step", 1e-6, 1000.0),
                Args.Bool("fit", true, "Fit the oscillation (kept for compatibility; the fit always runs)"),
                Args.CollectionName(),
                Args.MprimIndex(),
                Args.Bool(
                    "pulse_discretization",
                    true,
                    "Kept for compatibility; the backend always plays the exact widths"
                ),
                Args.Update(true, "guess_amp as <q>.pi_amp"),
                Args.PythonOnly("initial_lpb", "Pulses played before the Rabi pulse"),
                Args.Float(
                    "drive_frequency",
                    "MHz",
                    null,
                    "Drive frequency; unset uses the calibrated f01",
                    1.0,
                    50_000.0
                ),
            ],
            Outputs =
            [
                Outputs.Array("data", "(N,)", "P(1) per pulse width, float64"),
                Outputs.Array("widths", "(N,)", "Pulse widths, us"),
                .. Outputs.Fitted("fit_params.Frequency", "Rabi oscillation frequency, MHz"),
                .. Outputs.Fitted("fit_params.Amplitude", "Oscillation amplitude (half the P(1) contrast)"),
                .. Outputs.Fitted("fit_params.Phase", "Phase at the first width, rad"),
                .. Outputs.Fitted("fit_params.Offset", "Mean P(1) of the oscillation"),
                Outputs.Number("fit_params.Residual", "Mean squared residual of the fit"),
                .. Outputs.Fitted("rabi_rate", "Rabi frequency per unit amplitude (Frequency/amp), MHz"),
                .. Outputs.Fitted(
                    "guess_amp",
                    "Amplitude that makes a pulse of the calibrated envelope and pi_width a pi rotation"
                ),
                .. Outputs.Quality(),
                Outputs.ShotIq("shot_iq", "(N, shots)"),
            ],
            Notes =
            [
                "Default set: the original's run() defaults (amp 0.2, stop 0.3 us, step 0.002 us); its simulation defaults (amp 0.05, stop 0.15 us) cover about a tenth of an oscillation and cannot be fitted.",
                "The pulses are square; guess_amp converts to the calibrated gate envelope with its area ratio.",
            ],
        };

    /// <inheritdoc />
    public async Task<ExperimentOutcome> RunAsync(ExperimentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var a = context.Arguments;
        Args.RejectPythonOnly(a, "initial_lpb");
        var qubit = a.GetQubit("dut_qubit");
        var amp = a.GetDouble("amp");
        var start = a.GetDouble("start");
        var widths = Sweep.Arange(start, a.GetDouble("stop"), a.GetDouble("step"), "start", "stop", "step");
        var gates = Gates.For(context.Parameters, qubit);
        var cal = gates.Calibration;
        var frequency = Args.DoubleOr(a, "drive_frequency", cal.F01Mhz);
        var programs = widths
            .Select(w =>
            {
                var b = PulseProgram.Builder().Play(qubit, frequency, amp, 0.0, w, PulseEnvelope.Square);
                return gates.Measure(b).Build();
            })
            .ToArray();
        var data = await ProgramRunner.MeasureAsync(context, programs, cancellationToken).ConfigureAwait(false);

        var gateArea = cal.Envelope.Area(cal.PiWidthUs);
        double? hint = cal.PiAmp != 0 && gateArea > 0 ? Math.Abs(amp / (2 * cal.PiAmp * gateArea)) : null;
        var x = widths.Select(w => w - start).ToArray();
        var (fit, gate) = OscillationAnalysis.Analyse(x, data.P1, hint);

        var f = fit["frequency"];
        var fStd = fit.ErrorOf("frequency");
        var rate = amp != 0 ? f / Math.Abs(amp) : double.NaN;
        var guessAmp = amp != 0 ? Math.Abs(amp) / (2 * f * gateArea) : double.NaN;
        var guessStd = guessAmp * fStd / f;
        gate.Require(
            !fit.Converged || (double.IsFinite(guessAmp) && guessAmp <= 1.0),
            FitGate.Invariant($"the implied pi amplitude {guessAmp:G4} exceeds full scale")
        );

        var report = OutcomeBuilder.Report(
            fit,
            gate,
            new FitValue("frequency", f, fStd, "MHz"),
            new FitValue("amplitude", fit["amplitude"], fit.ErrorOf("amplitude")),
            new FitValue("phase", fit["phase"], fit.ErrorOf("phase"), "rad"),
            new FitValue("offset", fit["offset"], fit.ErrorOf("offset")),
            new FitValue("rabi_rate", rate, rate * fStd / f, "MHz"),
            new FitValue("guess_amp", guessAmp, guessStd)
        );

        var outcome = new OutcomeBuilder(Descriptor)
            .Array("data", data.P1)
            .Array("widths", widths)
            .Fitted("fit_params.Frequency", f, fStd, fit.Converged)
            .Fitted("fit_params.Amplitude", fit["amplitude"], fit.ErrorOf("amplitude"), fit.Converged)
            .Fitted("fit_params.Phase", fit["phase"], fit.ErrorOf("phase"), fit.Converged)
            .Fitted("fit_params.Offset", fit["offset"], fit.ErrorOf("offset"), fit.Converged)
            .Fitted("rabi_rate", rate, rate * fStd / f, fit.Converged)
            .Fitted("guess_amp", guessAmp, guessStd, fit.Converged)
            .Quality(report)
            .Fit(report)
            .Shots(context, "shot_iq", data, widths.Length);
        if (fit.Converged)
        {
            outcome.Number("fit_params.Residual", fit.ResidualRms * fit.ResidualRms);
        }

        var parameter = WellKnownParameters.Qubit(qubit, WellKnownParameters.PiAmp);
        outcome.ProposeUpdates(
            Args.UpdateRequested(a),
            gate.Quality,
            gate.Reason,
            new CalibrationUpdate(
                parameter,
                guessAmp,
                FitGate.Invariant($"time Rabi at amp {amp}: f = {f:F4} ± {fStd:F4} MHz")
            )
        );

        if (context.ReturnPlots)
        {
            outcome.Figure(
                Figures.DataAndFit(
                    string.Create(CultureInfo.InvariantCulture, $"Time Rabi Q{qubit} (amp {amp})"),
                    "Pulse width (µs)",
                    "P(1)",
                    widths,
                    data.P1,
                    fit.Converged ? t => fit.Evaluate(t - start) : null
                )
            );
        }

        outcome.Summary =
            gate.Quality == FitQuality.Good
                ? FitGate.Invariant(
                    $"Rabi frequency {f:F4} ± {fStd:F4} MHz at amp {amp} (rate {rate:F3} MHz/amp); pi amplitude {guessAmp:F5} ± {guessStd:F5}."
                )
                : $"Rabi fit is bad: {gate.Reason}.";
        return outcome.Build();
    }
}
