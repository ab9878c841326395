using LeeQ.Epii.Platform.Contracts.Experiments;
using LeeQ.Epii.Platform.Contracts.Programs;
using LeeQ.Epii.Platform.Contracts.Results;
using LeeQ.Epii.Platform.Plugins.Experiments.Standard.Common;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Characterizations;

/// <summary>
/// Hahn echo: X/2 – τ/2 – Y(π) – τ/2 – X/2. The π pulse about Y refocuses static detuning, so
/// P(1)(τ) = C + A·exp(−τ/T2echo) with C ≈ A ≈ ½.
/// </summary>
public sealed class SpinEchoMultiLevel : IExperiment
{
    /// <inheritdoc />
    public ExperimentDescriptor Descriptor { get; } =
        new()
        {
            Name = "characterizations.SpinEchoMultiLevel",
            Aliases = ["echo", "spin_echo"],
            Description =
                "Hahn echo: P(1) after X/2, a refocusing Y pi pulse in the middle of the free evolution and X/2, fitted with an exponential decay.",
            Purpose = "Measures the echo coherence time T2 (insensitive to static frequency offsets).",
            RunDocumentation =
                "Give dut. The defaults sweep the total free evolution 0-100 us in 2 us steps; choose free_evolution_time of two to four expected T2.",
            DataDocumentation =
                "trace is P(1) per total free evolution time (times, us); fit_params.Decay is T2 echo in us.",
            Parameters =
            [
                Args.Qubit("dut"),
                Args.CollectionName(),
                Args.MprimIndex(),
                Args.Float(
                    "free_evolution_time",
                    "us",
                    100.0,
                    "Total free evolution times stop before this value",
                    0.0,
                    100_000.0
                ),
                Args.Float("time_resolution", "us", 2.0, "Step of the total free evolution time", 1e-4, 10_000.0),
                Args.Float("start", "us", 0.0, "First total free evolution time", 0.0, 100_000.0),
                Args.PythonOnly("initial_lpb", "Pulses played before the echo sequence"),
            ],
            Outputs =
            [
                Outputs.Array("trace", "(N,)", "P(1) per total free evolution time, float64"),
                Outputs.Array("times", "(N,)", "Total free evolution times (both halves), us"),
                .. DecayAnalysis.Outputs("T2 echo"),
                Outputs.ShotIq("shot_iq", "(N, shots)"),
            ],
            Notes =
            [
                "times is the total free evolution; the original hardware path swept each half from start/2 in steps of time_resolution/2, which is the same sequence.",
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
            a.GetDouble("free_evolution_time"),
            a.GetDouble("time_resolution"),
            "start",
            "free_evolution_time",
            "time_resolution"
        );
        var gates = Gates.For(context.Parameters, qubit);
        var programs = times
            .Select(t =>
            {
                var b = gates.HalfPi(PulseProgram.Builder()).Delay(t / 2, qubit);
                gates.Pi(b, Math.PI / 2).Delay(t / 2, qubit);
                return gates.Measure(gates.HalfPi(b)).Build();
            })
            .ToArray();
        var data = await ProgramRunner.MeasureAsync(context, programs, cancellationToken).ConfigureAwait(false);
        return DecayAnalysis.Outcome(
            Descriptor,
            context,
            times,
            data,
            "T2 echo",
            $"Spin echo Q{qubit}",
            "Total free evolution (µs)"
        );
    }
}
