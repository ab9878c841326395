using LeeQ.Epii.Platform.Plugins.Experiments.Standard.Calibrations;
using LeeQ.Epii.Platform.Plugins.Experiments.Standard.Tests.Support;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Tests.Experiments;

/// <summary>Amplitude ping-pong against the analytic reference device.</summary>
public sealed class PingpongTests
{
    [Theory]
    [InlineData(1.03)]
    [InlineData(0.97)]
    public async Task Pingpong_brings_a_three_percent_error_below_half_a_percent(double factor)
    {
        var truth = TestDevice.TruePiAmp(new DeviceQubit());
        var outcome = await TestDevice.RunAsync(
            new AmpPingpongCalibrationSingleQubitMultilevel(),
            new Dictionary<string, object?> { ["dut"] = 0, ["update"] = true },
            overrides: new Dictionary<string, object?> { ["q0.pi_amp"] = truth * factor }
        );
        Assert.True(outcome.Text("fit_quality") == "good", outcome.Text("fit_quality_reason"));
        Assert.InRange(outcome.Number("best_amp"), truth * 0.995, truth * 1.005);
        Assert.Equal("q0.pi_amp", Assert.Single(outcome.Updates).Parameter);
    }

    [Fact]
    public async Task Pingpong_with_no_drive_is_bad_without_update()
    {
        var outcome = await TestDevice.RunAsync(
            new AmpPingpongCalibrationSingleQubitMultilevel(),
            new Dictionary<string, object?> { ["dut"] = 0, ["update"] = true },
            overrides: new Dictionary<string, object?> { ["q0.pi_amp"] = 0.0 }
        );
        Assert.Equal("bad", outcome.Text("fit_quality"));
        Assert.Empty(outcome.Updates);
        Assert.NotNull(outcome.UpdateNote);
    }
}
