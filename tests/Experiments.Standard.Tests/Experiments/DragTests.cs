using LeeQ.Epii.Platform.Plugins.Experiments.Standard.Calibrations;
using LeeQ.Epii.Platform.Plugins.Experiments.Standard.Tests.Support;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Tests.Experiments;

/// <summary>
/// DRAG calibration against the analytic reference device, whose drive-induced Stark shift is
/// cancelled to first order by alpha = <see cref="DeviceQubit.OptimalDragAlpha"/>.
/// </summary>
public sealed class DragTests
{
    [Theory]
    [InlineData(-500.0, -300.0)]
    [InlineData(-250.0, -300.0)]
    [InlineData(-200.0, -150.0)]
    public async Task Drag_finds_the_optimum_within_10_percent(double stored, double truth)
    {
        var outcome = await TestDevice.RunAsync(
            new DragCalibrationSingleQubitMultilevel(),
            new Dictionary<string, object?> { ["dut"] = 0, ["update"] = true },
            new DeviceQubit { OptimalDragAlpha = truth },
            new Dictionary<string, object?> { ["q0.drag_alpha"] = stored }
        );
        Assert.True(outcome.Text("fit_quality") == "good", outcome.Text("fit_quality_reason"));
        Assert.InRange(outcome.Number("optimum"), truth * 1.1, truth * 0.9);
        Assert.Equal("q0.drag_alpha", Assert.Single(outcome.Updates).Parameter);
    }
}
