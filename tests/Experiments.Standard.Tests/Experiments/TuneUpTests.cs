using LeeQ.Epii.Platform.Contracts.Experiments;
using LeeQ.Epii.Platform.Contracts.Parameters;
using LeeQ.Epii.Platform.Plugins.Experiments.Standard.Calibrations;
using LeeQ.Epii.Platform.Plugins.Experiments.Standard.Tests.Support;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Tests.Experiments;

/// <summary>The tune-up chain on the analytic reference device, and the plugin's experiment discovery.</summary>
public sealed class TuneUpTests
{
    private static (TestExperimentRunner Runner, ExperimentContext Context) Setup(
        DeviceQubit q,
        Dictionary<string, object?> overrides
    )
    {
        var device = TestDevice.OneQubit(q);
        var executor = new AnalyticTwoLevelExecutor(device, seed: 21);
        var parameters = new Dictionary<string, object?>(
            TestDevice.Snapshot(device, overrides).Values,
            StringComparer.OrdinalIgnoreCase
        );
        var runner = new TestExperimentRunner(executor, parameters);
        var tuneup = new TransmonTuneUp();
        var context = TestDevice.Context(
            tuneup,
            executor,
            new ParameterSnapshot(parameters),
            new Dictionary<string, object?> { ["dut"] = 0 },
            runner: runner
        );
        return (runner, context);
    }

    [Fact]
    public async Task Tuneup_fixes_a_3_MHz_frequency_error_and_a_20_percent_amplitude_error()
    {
        var q = new DeviceQubit { F01 = 5003.0 };
        var truth = TestDevice.TruePiAmp(q);
        var (runner, context) = Setup(q, new() { ["q0.f01"] = 5000.0, ["q0.pi_amp"] = truth * 1.2 });
        var outcome = await new TransmonTuneUp().RunAsync(context, CancellationToken.None);
        Assert.True(outcome.Text("fit_quality") == "good", outcome.Text("stop_reason"));
        Assert.InRange((double)runner.Parameters["q0.f01"]!, q.F01 - 0.05, q.F01 + 0.05);
        Assert.InRange((double)runner.Parameters["q0.pi_amp"]!, truth * 0.98, truth * 1.02);
        Assert.InRange(outcome.Number("t1"), 45, 55);
        Assert.Equal("qubit_spectroscopy,rabi,ramsey,pingpong,drag,t1,echo", outcome.Text("steps"));
    }

    [Fact]
    public async Task Tuneup_stops_with_a_clear_report_at_the_first_bad_step()
    {
        // The qubit is 40 MHz away from the stored frequency: spectroscopy finds no line.
        var (runner, context) = Setup(new DeviceQubit { F01 = 5040.0 }, new() { ["q0.f01"] = 5000.0 });
        var outcome = await new TransmonTuneUp().RunAsync(context, CancellationToken.None);
        Assert.Equal("bad", outcome.Text("fit_quality"));
        Assert.Equal("qubit_spectroscopy", outcome.Text("stopped_at"));
        Assert.False(string.IsNullOrWhiteSpace(outcome.Text("stop_reason")));
        Assert.Equal(5000.0, (double)runner.Parameters["q0.f01"]!);
    }

    [Fact]
    public void Every_experiment_is_discoverable_with_documented_parameters_and_outputs()
    {
        var runner = new TestExperimentRunner(new AnalyticTwoLevelExecutor(TestDevice.OneQubit()), []);
        var experiments = runner.Experiments.Values.Distinct().ToList();
        Assert.Equal(15, experiments.Count);
        foreach (
            var alias in new[]
            {
                "rabi",
                "power_rabi",
                "t1",
                "ramsey",
                "echo",
                "spin_echo",
                "drag",
                "qubit_spectroscopy",
                "resonator_spectroscopy",
                "readout_calibration",
                "pingpong",
                "rb",
                "tuneup",
            }
        )
        {
            Assert.True(runner.Experiments.ContainsKey(alias), alias);
        }

        foreach (var e in experiments)
        {
            Assert.All(e.Descriptor.Parameters, p =>
                Assert.False(string.IsNullOrWhiteSpace(p.Description), $"{e.Descriptor.Name}.{p.Name}")
            );
            Assert.All(e.Descriptor.Outputs, o =>
                Assert.False(string.IsNullOrWhiteSpace(o.Description), $"{e.Descriptor.Name}.{o.Name}")
            );
            Assert.Equal(e.Descriptor.Outputs.Count, e.Descriptor.Outputs.Select(o => o.Name).Distinct().Count());
            Assert.Contains(e.Descriptor.Outputs, o => o.Name == "fit_quality");
        }
    }
}
