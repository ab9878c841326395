using LeeQ.Epii.Platform.Contracts.Experiments;
using LeeQ.Epii.Platform.Contracts.Programs;
using LeeQ.Epii.Platform.Contracts.Results;
using LeeQ.Epii.Platform.Plugins.Experiments.Standard.Common;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Characterizations;

/// <summary>
/// Energy relaxation: a π pulse, a delay t and a readout; P(1)(t) = A·exp(−t/T1) + C.
/// </summary>
public sealed class SimpleT1 : IExperiment
{
    /// <inheritdoc />
    public ExperimentDescriptor Descriptor { get; } =
        new()
        {
            Name = "characterizations.SimpleT1",
            Aliases = ["t1"],
            Description = "T1 relaxation: P(1) after a pi pulse and a swept delay, fitted with an exponential decay.",
            Purpose = "Measures the energy relaxation time T1 of a qubit.",
            RunDocumentation =
                "Give qubit. The defaults sweep delays 0-100 us in 1 us steps (two T1 on a 50 us qubit); choose time_length of two to five expected T1.",
            DataDocumentation =
                "trace is P(1) per delay (times, us). fit_params.Decay is T1 in us, with fit_params.Decay_std; fit_params.Cov is the covariance of (Amplitude, Offset, Decay).",
            Parameters =
            [
                Args.Qubit("qubit"),
                Args.CollectionName(),
                Args.PythonOnly("initial_lpb", "Pulses played before the pi pulse"),
                Args.MprimIndex(),
                Args.Float("time_length", "us", 100.0, "Delays stop before this value", 0.0, 100_000.0),
                Args.Float("time_resolution", "us", 1.0, "Delay step", 1e-4, 10_000.0),
            ],
            Outputs =
            [
                Outputs.Array("trace", "(N,)", "P(1) per delay, float64"),
                Outputs.Array("times", "(N,)", "Delays after the pi pulse, us"),
                .. DecayAnalysis.Outputs("T1"),
                Outputs.ShotIq("shot_iq", "(N, shots)"),
            ],
            Notes =
            [
                "fit_params values are numbers with a _std companion (the original sent text such as \"50.1+/-1.2\").",
            ],
        };

    /// <inheritdoc />
    public async Task<ExperimentOutcome> RunAsync(ExperimentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var a = context.Arguments;
        Args.RejectPythonOnly(a, "initial_lpb");
        var qubit = a.GetQubit("qubit");
        var times = Sweep.Arange(
            0.0,
            a.GetDouble("time_length"),
            a.GetDouble("time_resolution"),
            "time_length",
            "time_length",
            "time_resolution"
        );
        var gates = Gates.For(context.Parameters, qubit);
        var programs = times
            .Select(t =>
            {
                var b = gates.Pi(PulseProgram.Builder()).Delay(t, qubit);
                return gates.Measure(b).Build();
            })
            .ToArray();
        var data = await ProgramRunner.MeasureAsync(context, programs, cancellationToken).ConfigureAwait(false);

        return DecayAnalysis.Outcome(Descriptor, context, times, data, "T1", $"T1 decay Q{qubit}", "Delay (µs)");
    }
}
