using LeeQ.Epii.Platform.Contracts.Experiments;
using LeeQ.Epii.Platform.Contracts.Results;
using LeeQ.Epii.Platform.Plugins.Experiments.Standard.MultiQubit;
using LeeQ.Epii.Platform.Plugins.Experiments.Standard.Tests.Support;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Tests.Experiments;

/// <summary>Multi-qubit experiments on a two-qubit analytic reference device with different qubits.</summary>
public sealed class MultiQubitTests
{
    private static readonly Dictionary<int, DeviceQubit> Device = new()
    {
        [0] = new DeviceQubit(),
        [1] = new DeviceQubit
        {
            F01 = 5200,
            RabiRate = 40,
            T1 = 30,
            T2 = 25,
            Resonator = 7100,
        },
    };

    private static Task<ExperimentOutcome> Run(
        IExperiment experiment,
        Dictionary<string, object?> arguments,
        Dictionary<string, object?>? overrides = null
    )
    {
        var executor = new AnalyticTwoLevelExecutor(Device, seed: 9);
        return experiment.RunAsync(
            TestDevice.Context(experiment, executor, TestDevice.Snapshot(Device, overrides), arguments),
            CancellationToken.None
        );
    }

    [Fact]
    public async Task Multi_qubit_t1_fits_each_qubit()
    {
        var outcome = await Run(
            new MultiQubitT1(),
            new()
            {
                ["duts"] = new List<int> { 0, 1 },
            }
        );
        Assert.Equal("good", outcome.Text("fit_quality"));
        var t1 = outcome.Doubles("t1");
        Assert.InRange(t1[0], 47.5, 52.5);
        Assert.InRange(t1[1], 28.5, 31.5);
        Assert.Equal([2L, 100L], ((NumericArray)outcome.Data.Single(d => d.Name == "traces").Value).Shape);
    }

    [Fact]
    public async Task Multi_qubit_rabi_updates_only_good_qubits()
    {
        // q1's stored frequency is 30 MHz off, so it does not oscillate fully and its fit is bad.
        var outcome = await Run(
            new MultiQubitRabi(),
            new()
            {
                ["duts"] = new List<int> { 0, 1 },
                ["update"] = true,
            },
            new() { ["q1.f01"] = 5230.0 }
        );
        var guess = outcome.Doubles("guess_amps");
        var truth0 = TestDevice.TruePiAmp(Device[0]);
        Assert.InRange(guess[0], 0.98 * truth0, 1.02 * truth0);
        Assert.Equal("bad", outcome.Text("fit_quality"));
        var update = Assert.Single(outcome.Updates);
        Assert.Equal("q0.pi_amp", update.Parameter);
        Assert.Contains("q1", outcome.UpdateNote, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Multi_qubit_ramsey_finds_each_frequency()
    {
        var outcome = await Run(
            new MultiQubitRamseyMultilevel(),
            new()
            {
                ["duts"] = new List<int> { 0, 1 },
                ["update"] = true,
            },
            new() { ["q0.f01"] = 5000.2, ["q1.f01"] = 5199.7 }
        );
        Assert.Equal("good", outcome.Text("fit_quality"));
        var f = outcome.Doubles("frequency_guess");
        Assert.InRange(f[0], 4999.95, 5000.05);
        Assert.InRange(f[1], 5199.95, 5200.05);
        Assert.Equal(2, outcome.Updates.Count);
    }
}
