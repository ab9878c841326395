using LeeQ.Epii.Platform.Contracts.Experiments;
using LeeQ.Epii.Platform.Contracts.Parameters;
using LeeQ.Epii.Platform.Plugins.Experiments.Standard.Tests.Support;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Tests.Experiments;

/// <summary>Properties every experiment of the plugin must have, run with its defaults on the analytic device.</summary>
public sealed class SuiteTests
{
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        var runner = new TestExperimentRunner(new AnalyticTwoLevelExecutor(TestDevice.OneQubit()), []);
        foreach (
            var name in runner
                .Experiments.Values.Select(e => e.Descriptor.Name)
                .Distinct()
                .Order(StringComparer.Ordinal)
        )
        {
            data.Add(name);
        }

        return data;
    }

    private static Dictionary<string, object?> Required(IExperiment experiment) =>
        experiment
            .Descriptor.Parameters.Where(p => p.Required)
            .ToDictionary(p => p.Name, p => p.Type == ParameterType.QubitList ? (object?)new List<int> { 0 } : 0);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task With_plots_every_experiment_returns_a_labelled_figure_and_only_declared_outputs(string name)
    {
        var device = TestDevice.OneQubit();
        var executor = new AnalyticTwoLevelExecutor(device, seed: 4);
        var parameters = new Dictionary<string, object?>(
            TestDevice.Snapshot(device).Values,
            StringComparer.OrdinalIgnoreCase
        );
        var runner = new TestExperimentRunner(executor, parameters);
        var experiment = runner.Experiments[name];
        var context = TestDevice.Context(
            experiment,
            executor,
            TestDevice.Snapshot(device),
            Required(experiment),
            plots: true,
            raw: true,
            runner: runner
        );
        var outcome = await experiment.RunAsync(context, CancellationToken.None);
        Assert.NotEmpty(outcome.Figures);
        Assert.All(outcome.Figures, f =>
        {
            Assert.False(string.IsNullOrWhiteSpace(f.Title));
            Assert.False(string.IsNullOrWhiteSpace(f.XLabel));
            Assert.False(string.IsNullOrWhiteSpace(f.YLabel));
            Assert.All(f.Series, s => Assert.Equal(s.X.Count, s.Y.Count));
        });
        var declared = experiment.Descriptor.Outputs.Select(o => o.Name).ToHashSet();
        Assert.All(outcome.Data, d => Assert.Contains(d.Name, declared));
        Assert.Equal("good", outcome.Text("fit_quality"));
        foreach (var item in outcome.Data.Where(d => d.Name.EndsWith("_std", StringComparison.Ordinal)))
        {
            Assert.Contains(outcome.Data, d => d.Name == item.Name[..^4]);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Without_plots_no_figure_is_made(string name)
    {
        if (name == "calibrations.TransmonTuneUp")
        {
            return; // covered by TuneUpTests; it needs the runner and runs the whole chain
        }

        var device = TestDevice.OneQubit();
        var executor = new AnalyticTwoLevelExecutor(device, seed: 4);
        var experiment = new TestExperimentRunner(executor, []).Experiments[name];
        var outcome = await experiment.RunAsync(
            TestDevice.Context(experiment, executor, TestDevice.Snapshot(device), Required(experiment)),
            CancellationToken.None
        );
        Assert.Empty(outcome.Figures);
    }
}
