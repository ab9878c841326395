using LeeQ.Epii.Platform.Plugins.Experiments.Standard.Calibrations;
using LeeQ.Epii.Platform.Plugins.Experiments.Standard.Characterizations;
using LeeQ.Epii.Platform.Plugins.Experiments.Standard.Tests.Support;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Tests.Experiments;

/// <summary>Ramsey, echo and power Rabi against the analytic reference device.</summary>
public sealed class CoherenceTests
{
    [Theory]
    [InlineData(0.3)]
    [InlineData(-0.45)]
    public async Task Ramsey_finds_frequency_within_50_kHz_and_t2star_within_10_percent(double error)
    {
        var q = new DeviceQubit { F01 = 5000.0 + error };
        var outcome = await TestDevice.RunAsync(
            new SimpleRamseyMultilevel(),
            new Dictionary<string, object?> { ["dut"] = 0, ["update"] = true },
            q,
            new Dictionary<string, object?> { ["q0.f01"] = 5000.0 }
        );
        Assert.Equal("good", outcome.Text("fit_quality"));
        Assert.InRange(outcome.Number("frequency_guess"), q.F01 - 0.05, q.F01 + 0.05);
        Assert.InRange(outcome.Number("fit_params.Decay"), 36, 44);
        var update = Assert.Single(outcome.Updates);
        Assert.Equal("q0.f01", update.Parameter);
    }

    [Fact]
    public async Task Echo_finds_t2_within_10_percent()
    {
        var outcome = await TestDevice.RunAsync(
            new SpinEchoMultiLevel(),
            new Dictionary<string, object?> { ["dut"] = 0 }
        );
        Assert.Equal("good", outcome.Text("fit_quality"));
        Assert.InRange(outcome.Number("fit_params.Decay"), 36, 44);
        Assert.InRange(outcome.Number("fit_params.Offset"), 0.4, 0.6);
    }

    [Fact]
    public async Task Echo_refocuses_a_static_detuning()
    {
        var outcome = await TestDevice.RunAsync(
            new SpinEchoMultiLevel(),
            new Dictionary<string, object?> { ["dut"] = 0 },
            new DeviceQubit { F01 = 5000.2 },
            new Dictionary<string, object?> { ["q0.f01"] = 5000.0 }
        );
        Assert.Equal("good", outcome.Text("fit_quality"));
        Assert.InRange(outcome.Number("fit_params.Decay"), 36, 44);
    }

    [Fact]
    public async Task Power_rabi_finds_pi_amplitude_within_two_percent()
    {
        var outcome = await TestDevice.RunAsync(new PowerRabi(), new Dictionary<string, object?> { ["dut_qubit"] = 0 });
        Assert.Equal("good", outcome.Text("fit_quality"));
        var truth = TestDevice.TruePiAmp(new DeviceQubit());
        Assert.InRange(outcome.Number("guess_amp"), 0.98 * truth, 1.02 * truth);
    }
}
