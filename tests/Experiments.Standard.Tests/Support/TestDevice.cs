using LeeQ.Epii.Platform.Contracts.Backends;
using LeeQ.Epii.Platform.Contracts.Experiments;
using LeeQ.Epii.Platform.Contracts.Parameters;
using LeeQ.Epii.Platform.Contracts.Programs;
using LeeQ.Epii.Platform.Contracts.Results;
using Microsoft.Extensions.Logging.Abstractions;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Tests.Support;

/// <summary>Builds calibration snapshots and experiment contexts around the analytic reference device.</summary>
public static class TestDevice
{
    /// <summary>The π amplitude of a DRAG (gaussian, 2 sigmas) pulse of 0.04 µs on a qubit with Rabi rate 50.</summary>
    public static double TruePiAmp(DeviceQubit q) =>
        1.0 / (2 * q.RabiRate * new PulseEnvelope { Shape = EnvelopeShape.Drag, Sigmas = 2 }.Area(0.04));

    /// <summary>A snapshot with each qubit calibrated to its true values, optionally overridden.</summary>
    public static ParameterSnapshot Snapshot(
        IReadOnlyDictionary<int, DeviceQubit> qubits,
        IReadOnlyDictionary<string, object?>? overrides = null
    )
    {
        var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
        {
            [WellKnownParameters.ShotNumber] = 2000L,
        };
        foreach (var (index, q) in qubits)
        {
            string N(string field) => WellKnownParameters.Qubit(index, field);
            values[N(WellKnownParameters.F01)] = q.F01;
            values[N(WellKnownParameters.Anharmonicity)] = -300.0;
            values[N(WellKnownParameters.PiAmp)] = TruePiAmp(q);
            values[N(WellKnownParameters.PiWidth)] = 0.04;
            values[N(WellKnownParameters.DragAlpha)] = q.OptimalDragAlpha;
            values[N(WellKnownParameters.PulseShape)] = "drag";
            values[N(WellKnownParameters.PulseTrunc)] = 2.0;
            values[N(WellKnownParameters.ReadoutFrequency)] = q.Resonator;
            values[N(WellKnownParameters.ReadoutAmp)] = 0.15;
            values[N(WellKnownParameters.ReadoutWidth)] = 1.0;
        }

        foreach (var (k, v) in overrides ?? new Dictionary<string, object?>())
        {
            values[k] = v;
        }

        return new ParameterSnapshot(values);
    }

    /// <summary>One default qubit as q0.</summary>
    public static Dictionary<int, DeviceQubit> OneQubit(DeviceQubit? q = null) =>
        new() { [0] = q ?? new DeviceQubit() };

    /// <summary>A context for <paramref name="experiment"/> with its declared defaults and the given arguments.</summary>
    public static ExperimentContext Context(
        IExperiment experiment,
        IExperimentExecutor executor,
        ParameterSnapshot snapshot,
        IReadOnlyDictionary<string, object?> arguments,
        bool plots = false,
        bool raw = false,
        long seed = 7,
        IExperimentRunner? runner = null
    )
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var spec in experiment.Descriptor.Parameters)
        {
            values[spec.Name] = spec.Default;
        }

        foreach (var (k, v) in arguments)
        {
            if (!values.ContainsKey(k))
            {
                throw new ArgumentException($"{experiment.Descriptor.Name} has no argument {k}");
            }

            values[k] = v;
        }

        return new ExperimentContext
        {
            Arguments = new ExperimentArguments(values, arguments.Keys),
            Parameters = snapshot,
            Backend = new BackendInfo(
                "analytic-test",
                "test",
                snapshot.Values.Keys.Count(k => k.EndsWith(".f01", StringComparison.Ordinal)),
                new Dictionary<string, string>()
            ),
            Executor = executor,
            ReturnPlots = plots,
            ReturnRawData = raw,
            Seed = seed,
            Runner = runner,
            Logger = NullLogger.Instance,
        };
    }

    /// <summary>Runs <paramref name="experiment"/> on the default one-qubit device.</summary>
    public static async Task<ExperimentOutcome> RunAsync(
        IExperiment experiment,
        IReadOnlyDictionary<string, object?> arguments,
        DeviceQubit? qubit = null,
        IReadOnlyDictionary<string, object?>? overrides = null,
        bool plots = false,
        bool raw = false,
        int seed = 3
    )
    {
        var device = OneQubit(qubit);
        var executor = new AnalyticTwoLevelExecutor(device, seed: seed, returnShots: raw);
        var context = Context(experiment, executor, Snapshot(device, overrides), arguments, plots, raw);
        return await experiment.RunAsync(context, CancellationToken.None);
    }

    /// <summary>A number data item.</summary>
    public static double Number(this ExperimentOutcome outcome, string name) =>
        (double)(outcome.Data.SingleOrDefault(d => d.Name == name) ?? throw new KeyNotFoundException(name)).Value;

    /// <summary>A text data item.</summary>
    public static string Text(this ExperimentOutcome outcome, string name) =>
        (string)(outcome.Data.SingleOrDefault(d => d.Name == name) ?? throw new KeyNotFoundException(name)).Value;

    /// <summary>A float64 array data item.</summary>
    public static double[] Doubles(this ExperimentOutcome outcome, string name) =>
        (double[])
            (
                (NumericArray)
                    (outcome.Data.SingleOrDefault(d => d.Name == name) ?? throw new KeyNotFoundException(name)).Value
            ).Values;

    /// <summary>True when the outcome carries that data item.</summary>
    public static bool Has(this ExperimentOutcome outcome, string name) => outcome.Data.Any(d => d.Name == name);
}
