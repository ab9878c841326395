using LeeQ.Epii.Platform.Contracts.Experiments;
using LeeQ.Epii.Platform.Contracts.Parameters;
using LeeQ.Epii.Platform.Contracts.Results;
using LeeQ.Epii.Platform.Plugins.Experiments.Standard.Common;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Calibrations;

/// <summary>
/// Ramsey: π/2 – delay t – π/2 whose carrier phase advances by 2π·set_offset·t. The phase advance
/// acts like a virtual Z and adds to the free precession at f_q − f_drive, so the fringe frequency
/// is F = set_offset + (f_q − f_drive) and the qubit frequency f_drive + F − set_offset; the
/// fringe decay time is T2*.
/// </summary>
public sealed class SimpleRamseyMultilevel : IExperiment
{
    /// <inheritdoc />
    public ExperimentDescriptor Descriptor { get; } =
        new()
        {
            Name = "calibrations.SimpleRamseyMultilevel",
            Aliases = ["ramsey"],
            Description = "Ramsey fringes with a virtual detuning, fitted with a damped sinusoid.",
            Purpose = "Measures the qubit frequency error (frequency_guess) and the dephasing time T2*.",
            RunDocumentation =
                "Give dut. The defaults (delays 0-50 us in 0.1 us steps, set_offset 1 MHz) resolve frequency errors up to about 0.9 MHz to a few kHz and T2* of 10-100 us. For a qubit further off, run qubit_spectroscopy first or raise set_offset and shrink step. With update=true, frequency_guess is proposed as <q>.f01 when the fit is good.",
            DataDocumentation =
                "data is P(1) per delay (times). fit_params.Frequency is the fringe frequency F in MHz, fit_params.Decay is T2* in us; frequency_guess = f01 + (F - set_offset) (MHz).",
            Parameters =
            [
                Args.Qubit("dut"),
                Args.CollectionName(),
                Args.MprimIndex(),
                Args.PythonOnly("initial_lpb", "Pulses played before the Ramsey sequence"),
                Args.Float("start", "us", 0.0, "First delay", 0.0, 100_000.0),
                Args.Float("stop", "us", 50.0, "Delays stop before this value", 0.0, 100_000.0),
                Args.Float("step", "us", 0.1, "Delay step", 1e-5, 10_000.0),
                Args.Float(
                    "set_offset",
                    "MHz",
                    1.0,
                    "Virtual detuning added through the phase of the second pulse; must exceed the expected frequency error",
                    0.001,
                    500.0
                ),
                Args.Update(true, "frequency_guess as <q>.f01"),
            ],
            Outputs =
            [
                Outputs.Array("data", "(N,)", "P(1) per delay, float64"),
                Outputs.Array("times", "(N,)", "Delays between the pi/2 pulses, us"),
                Outputs.Number("set_offset", "Virtual detuning used, MHz"),
                Outputs.Number("original_freq", "Drive frequency (calibrated f01) during the run, MHz"),
                Outputs.Number("level_diff", "Transition order (1 for f01)"),
                .. Outputs.Fitted("fit_params.Frequency", "Fringe frequency, MHz"),
                .. Outputs.Fitted("fit_params.Amplitude", "Fringe amplitude at t=0"),
                .. Outputs.Fitted("fit_params.Phase", "Fringe phase at t=0, rad"),
                .. Outputs.Fitted("fit_params.Offset", "Mean P(1)"),
                .. Outputs.Fitted("fit_params.Decay", "Fringe decay time T2*, us"),
                .. Outputs.Fitted("fitted_freq_offset", "Fringe frequency minus set_offset = f_qubit - f_drive, MHz"),
                .. Outputs.Fitted("frequency_guess", "Estimated qubit frequency, MHz"),
                Outputs.Number("error_bar", "Standard error of frequency_guess, MHz (as the original)"),
                .. Outputs.Quality(),
                Outputs.ShotIq("shot_iq", "(N, shots)"),
            ],
            Notes =
            [
                "Default set: neither original set is used. Its defaults (0-1 us, set_offset 10 MHz) cannot measure a T2* of tens of us; these cover about one T2* of the default device with 500 points.",
                "The sign of the frequency error is resolved only when |f_qubit - f01| < set_offset.",
                "The fringe is F = set_offset + (f_qubit - f_drive) under the platform's drive convention (carrier phase phi rotates about the axis at -phi, like a virtual Z); the original computed f_drive - (F - set_offset) for its own sign convention.",
                "Fringe decay is pure T2 here (the original simulation used T1 by mistake).",
            ],
        };

    /// <inheritdoc />
    public async Task<ExperimentOutcome> RunAsync(ExperimentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var a = context.Arguments;
        Args.RejectPythonOnly(a, "initial_lpb");
        var qubit = a.GetQubit("dut");
        var times = Sweep.Arange(
            a.GetDouble("start"),
            a.GetDouble("stop"),
            a.GetDouble("step"),
            "start",
            "stop",
            "step"
        );
        var offset = a.GetDouble("set_offset");
        var gates = Gates.For(context.Parameters, qubit);
        var programs = RamseyAnalysis.Programs(gates, times, offset);
        var data = await ProgramRunner.MeasureAsync(context, programs, cancellationToken).ConfigureAwait(false);
        var r = RamseyAnalysis.Analyse(times, data.P1, offset, gates.Calibration.F01Mhz);

        var outcome = new OutcomeBuilder(Descriptor)
            .Array("data", data.P1)
            .Array("times", times)
            .Number("set_offset", offset)
            .Number("original_freq", gates.Calibration.F01Mhz)
            .Number("level_diff", 1)
            .Fit(r.Report)
            .Quality(r.Report)
            .Shots(context, "shot_iq", data, times.Length);
        var fit = r.Fit;
        outcome
            .Fitted("fit_params.Frequency", fit["frequency"], fit.ErrorOf("frequency"), fit.Converged)
            .Fitted("fit_params.Amplitude", fit["amplitude"], fit.ErrorOf("amplitude"), fit.Converged)
            .Fitted("fit_params.Phase", fit["phase"], fit.ErrorOf("phase"), fit.Converged)
            .Fitted("fit_params.Offset", fit["offset"], fit.ErrorOf("offset"), fit.Converged)
            .Fitted("fit_params.Decay", fit["decay"], fit.ErrorOf("decay"), fit.Converged)
            .Fitted("fitted_freq_offset", fit["frequency"] - offset, fit.ErrorOf("frequency"), fit.Converged)
            .Fitted("frequency_guess", r.FrequencyGuess, fit.ErrorOf("frequency"), fit.Converged);
        if (fit.Converged)
        {
            outcome.Number("error_bar", fit.ErrorOf("frequency"));
        }

        outcome.ProposeUpdates(
            Args.UpdateRequested(a),
            r.Gate.Quality,
            r.Gate.Reason,
            new CalibrationUpdate(
                WellKnownParameters.Qubit(qubit, WellKnownParameters.F01),
                r.FrequencyGuess,
                FitGate.Invariant($"Ramsey fringe {fit["frequency"]:F5} MHz with set_offset {offset} MHz")
            )
        );
        if (context.ReturnPlots)
        {
            outcome.Figure(
                Figures.DataAndFit(
                    FitGate.Invariant($"Ramsey Q{qubit}: f = {r.FrequencyGuess:F4} MHz, T2* = {fit["decay"]:F2} µs"),
                    "Delay (µs)",
                    "P(1)",
                    times,
                    data.P1,
                    fit.Converged ? fit.Evaluate : null
                )
            );
        }

        outcome.Summary =
            r.Gate.Quality == FitQuality.Good
                ? FitGate.Invariant(
                    $"qubit frequency {r.FrequencyGuess:F4} ± {fit.ErrorOf("frequency"):F4} MHz (calibrated {gates.Calibration.F01Mhz:F4}); T2* = {fit["decay"]:F2} ± {fit.ErrorOf("decay"):F2} us."
                )
                : $"Ramsey fit is bad: {r.Gate.Reason}.";
        return outcome.Build();
    }
}
