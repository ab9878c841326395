using LeeQ.Epii.Platform.Plugins.Experiments.Standard.Calibrations;
using LeeQ.Epii.Platform.Plugins.Experiments.Standard.Tests.Support;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Tests.Experiments;

/// <summary>Qubit and resonator spectroscopy and readout calibration against the analytic reference device.</summary>
public sealed class SpectroscopyTests
{
    [Theory]
    [InlineData(3.0)]
    [InlineData(-4.2)]
    public async Task Qubit_spectroscopy_finds_f01_within_1_MHz(double error)
    {
        var q = new DeviceQubit { F01 = 5000 + error };
        var outcome = await TestDevice.RunAsync(
            new QubitSpectroscopyFrequency(),
            new Dictionary<string, object?> { ["dut_qubit"] = 0, ["update"] = true },
            q,
            new Dictionary<string, object?> { ["q0.f01"] = 5000.0 }
        );
        Assert.Equal("good", outcome.Text("fit_quality"));
        Assert.InRange(outcome.Number("frequency_guess"), q.F01 - 1, q.F01 + 1);
        Assert.Equal("q0.f01", Assert.Single(outcome.Updates).Parameter);
    }

    [Fact]
    public async Task Qubit_spectroscopy_without_a_line_is_bad()
    {
        var outcome = await TestDevice.RunAsync(
            new QubitSpectroscopyFrequency(),
            new Dictionary<string, object?> { ["dut_qubit"] = 0, ["update"] = true },
            new DeviceQubit { F01 = 5100 },
            new Dictionary<string, object?> { ["q0.f01"] = 5000.0 }
        );
        Assert.Equal("bad", outcome.Text("fit_quality"));
        Assert.Empty(outcome.Updates);
    }

    [Fact]
    public async Task Resonator_spectroscopy_finds_the_dressed_resonator_within_half_a_MHz()
    {
        var q = new DeviceQubit();
        var outcome = await TestDevice.RunAsync(
            new ResonatorSweepTransmissionWithExtraInitialLPB(),
            new Dictionary<string, object?> { ["dut_qubit"] = 0 },
            q,
            plots: true
        );
        Assert.Equal("good", outcome.Text("fit_quality"));
        Assert.InRange(outcome.Number("resonator_frequency"), q.Resonator - q.Chi - 0.5, q.Resonator - q.Chi + 0.5);
        Assert.InRange(outcome.Number("linewidth"), 1.5, 2.5);
        Assert.Equal(2, outcome.Figures.Count);
    }

    [Fact]
    public async Task Readout_calibration_gives_fidelity_above_0_9()
    {
        var outcome = await TestDevice.RunAsync(
            new MeasurementCalibrationMultilevelGMM(),
            new Dictionary<string, object?> { ["dut"] = 0 }
        );
        Assert.Equal("good", outcome.Text("fit_quality"));
        Assert.True(
            outcome.Number("assignment_fidelity") > 0.9,
            outcome.Number("assignment_fidelity").ToString(System.Globalization.CultureInfo.InvariantCulture)
        );
        Assert.True(outcome.Number("snr.(0, 1)") > 2);
    }

    [Fact]
    public async Task Readout_calibration_far_off_resonance_is_bad()
    {
        var outcome = await TestDevice.RunAsync(
            new MeasurementCalibrationMultilevelGMM(),
            new Dictionary<string, object?> { ["dut"] = 0, ["freq"] = 7400.0 }
        );
        Assert.Equal("bad", outcome.Text("fit_quality"));
    }
}
