using LeeQ.Epii.Platform.Plugins.Experiments.Standard.Characterizations;
using LeeQ.Epii.Platform.Plugins.Experiments.Standard.Tests.Support;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Tests.Experiments;

/// <summary>T1 against the analytic reference device.</summary>
public sealed class T1Tests
{
    [Theory]
    [InlineData(50.0, 1)]
    [InlineData(30.0, 2)]
    public async Task Default_run_finds_t1_within_five_percent(double t1, int seed)
    {
        var outcome = await TestDevice.RunAsync(
            new SimpleT1(),
            new Dictionary<string, object?> { ["qubit"] = 0 },
            new DeviceQubit { T1 = t1 },
            seed: seed
        );
        Assert.Equal("good", outcome.Text("fit_quality"));
        Assert.InRange(outcome.Number("fit_params.Decay"), 0.95 * t1, 1.05 * t1);
        Assert.True(outcome.Number("fit_params.Decay_std") > 0);
        Assert.Equal(100, outcome.Doubles("trace").Length);
        Assert.Equal(9, outcome.Doubles("fit_params.Cov").Length);
    }

    [Fact]
    public async Task Without_excitation_the_fit_is_bad()
    {
        var outcome = await TestDevice.RunAsync(
            new SimpleT1(),
            new Dictionary<string, object?> { ["qubit"] = 0 },
            overrides: new Dictionary<string, object?> { ["q0.pi_amp"] = 0.0 }
        );
        Assert.Equal("bad", outcome.Text("fit_quality"));
    }

    [Fact]
    public async Task Figure_has_units()
    {
        var outcome = await TestDevice.RunAsync(
            new SimpleT1(),
            new Dictionary<string, object?> { ["qubit"] = 0 },
            plots: true
        );
        var figure = Assert.Single(outcome.Figures);
        Assert.Equal("Delay (µs)", figure.XLabel);
        Assert.Contains("T1", figure.Title, StringComparison.Ordinal);
    }
}
