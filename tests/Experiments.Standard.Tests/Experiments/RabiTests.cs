using LeeQ.Epii.Platform.Contracts.Results;
using LeeQ.Epii.Platform.Plugins.Experiments.Standard.Calibrations;
using LeeQ.Epii.Platform.Plugins.Experiments.Standard.Tests.Support;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Tests.Experiments;

/// <summary>Time Rabi against the analytic reference device (Rabi rate 50 MHz per unit amplitude).</summary>
public sealed class RabiTests
{
    private static readonly Dictionary<string, object?> Q0 = new() { ["dut_qubit"] = 0 };

    [Fact]
    public async Task Default_run_finds_rabi_frequency_and_pi_amplitude_within_two_percent()
    {
        var outcome = await TestDevice.RunAsync(new NormalisedRabi(), Q0);
        var q = new DeviceQubit();
        Assert.Equal("good", outcome.Text("fit_quality"));
        Assert.Equal(145, outcome.Doubles("data").Length);
        Assert.InRange(outcome.Number("fit_params.Frequency"), 0.98 * 10, 1.02 * 10);
        Assert.True(outcome.Number("fit_params.Frequency_std") is > 0 and < 0.1);
        var truth = TestDevice.TruePiAmp(q);
        Assert.InRange(outcome.Number("guess_amp"), 0.98 * truth, 1.02 * truth);
        Assert.InRange(outcome.Number("rabi_rate"), 49, 51);
        Assert.True(outcome.Number("r_squared") > 0.95);
    }

    [Fact]
    public async Task Good_fit_with_update_proposes_pi_amp()
    {
        var outcome = await TestDevice.RunAsync(
            new NormalisedRabi(),
            new Dictionary<string, object?> { ["dut_qubit"] = 0, ["update"] = true }
        );
        var update = Assert.Single(outcome.Updates);
        Assert.Equal("q0.pi_amp", update.Parameter);
        Assert.Equal(outcome.Number("guess_amp"), (double)update.Value);
        Assert.Null(outcome.UpdateNote);
    }

    [Fact]
    public async Task Zero_amplitude_returns_bad_quality_and_no_update()
    {
        var outcome = await TestDevice.RunAsync(
            new NormalisedRabi(),
            new Dictionary<string, object?> { ["dut_qubit"] = 0, ["amp"] = 0.0 }
        );
        Assert.Equal("bad", outcome.Text("fit_quality"));
        Assert.Empty(outcome.Updates);
        Assert.NotNull(outcome.UpdateNote);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Text("fit_quality_reason")));
        Assert.All(outcome.Doubles("data"), p => Assert.InRange(p, 0.0, 0.01));
    }

    [Fact]
    public async Task Half_an_oscillation_is_fitted_or_honestly_bad()
    {
        // amp 0.05 → 2.5 MHz; widths 0.01–0.21 µs cover half an oscillation.
        var outcome = await TestDevice.RunAsync(
            new NormalisedRabi(),
            new Dictionary<string, object?>
            {
                ["dut_qubit"] = 0,
                ["amp"] = 0.05,
                ["stop"] = 0.21,
            }
        );
        if (outcome.Text("fit_quality") == "good")
        {
            Assert.InRange(outcome.Number("fit_params.Frequency"), 2.5 * 0.97, 2.5 * 1.03);
        }
        else
        {
            Assert.Empty(outcome.Updates);
        }
    }

    [Fact]
    public async Task Plots_and_raw_data_only_when_asked()
    {
        var plain = await TestDevice.RunAsync(new NormalisedRabi(), Q0);
        Assert.Empty(plain.Figures);
        Assert.False(plain.Has("shot_iq"));
        var rich = await TestDevice.RunAsync(new NormalisedRabi(), Q0, plots: true, raw: true);
        var figure = Assert.Single(rich.Figures);
        Assert.Contains("µs", figure.XLabel, StringComparison.Ordinal);
        Assert.Equal(2, figure.Series.Count);
        var shots = (NumericArray)rich.Data.Single(d => d.Name == "shot_iq").Value;
        Assert.Equal(ArrayDType.Complex128, shots.DType);
        Assert.Equal([145L, 2000L], shots.Shape);
    }

    [Fact]
    public async Task Initial_lpb_is_rejected()
    {
        await Assert.ThrowsAsync<LeeQ.Epii.Platform.Contracts.Experiments.ExperimentArgumentException>(() =>
            TestDevice.RunAsync(
                new NormalisedRabi(),
                new Dictionary<string, object?> { ["dut_qubit"] = 0, ["initial_lpb"] = "X" }
            )
        );
    }

    [Fact]
    public void Every_data_item_is_declared_with_a_std_companion()
    {
        var outputs = new NormalisedRabi().Descriptor.Outputs.Select(o => o.Name).ToHashSet();
        foreach (var name in new[] { "fit_params.Frequency", "guess_amp", "fit_params.Amplitude" })
        {
            Assert.Contains(name + "_std", outputs);
        }
    }
}
