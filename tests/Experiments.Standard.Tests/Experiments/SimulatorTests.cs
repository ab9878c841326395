using LeeQ.Epii.Platform.Contracts.Experiments;
using LeeQ.Epii.Platform.Contracts.Parameters;
using LeeQ.Epii.Platform.Contracts.Results;
using LeeQ.Epii.Platform.Plugins.Experiments.Standard.Calibrations;
using LeeQ.Epii.Platform.Plugins.Experiments.Standard.Characterizations;
using LeeQ.Epii.Platform.Plugins.Experiments.Standard.Tests.Support;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Tests.Experiments;

/// <summary>
/// The experiments against the product's numeric simulator (3-level transmons, Lindblad
/// dynamics, dispersive readout; 2000 shots with sampling noise), checked against its ground truth.
/// </summary>
public sealed class SimulatorTests
{
    private static async Task<(ExperimentOutcome Outcome, SimulatorExecutor Sim)> Run(
        IExperiment experiment,
        Dictionary<string, object?> arguments,
        params (string Name, object? Value)[] overrides
    )
    {
        var sim = await SimulatorExecutor.CreateAsync();
        foreach (var (name, value) in overrides)
        {
            sim.Parameters[name] = value;
        }

        var context = TestDevice.Context(experiment, sim, sim.Snapshot(), arguments);
        return (await experiment.RunAsync(context, CancellationToken.None), sim);
    }

    private static double Truth(SimulatorExecutor sim, string field) => sim.Snapshot().GetDouble($"sim.q0.{field}");

    [Fact]
    public async Task Rabi_pi_amplitude_within_two_percent_of_the_simulator()
    {
        var (outcome, sim) = await Run(new NormalisedRabi(), new() { ["dut_qubit"] = 0 });
        Assert.Equal("good", outcome.Text("fit_quality"));
        var rate = Truth(sim, "rabi_rate");
        Assert.InRange(outcome.Number("rabi_rate"), 0.98 * rate, 1.02 * rate);
        var envelope = QubitCalibration.From(sim.Snapshot(), 0).Envelope;
        var truth = 1 / (2 * rate * envelope.Area(0.04));
        Assert.InRange(outcome.Number("guess_amp"), 0.98 * truth, 1.02 * truth);
    }

    [Fact]
    public async Task T1_within_five_percent_of_the_simulator()
    {
        var (outcome, sim) = await Run(new SimpleT1(), new() { ["qubit"] = 0 });
        Assert.Equal("good", outcome.Text("fit_quality"));
        var t1 = Truth(sim, "t1");
        Assert.InRange(outcome.Number("fit_params.Decay"), 0.95 * t1, 1.05 * t1);
    }

    [Fact]
    public async Task Ramsey_frequency_within_50_kHz_and_t2star_within_10_percent_of_the_simulator()
    {
        var (outcome, sim) = await Run(new SimpleRamseyMultilevel(), new() { ["dut"] = 0 }, ("q0.f01", 4999.7));
        Assert.Equal("good", outcome.Text("fit_quality"));
        var f01 = Truth(sim, "f01");
        Assert.InRange(outcome.Number("frequency_guess"), f01 - 0.05, f01 + 0.05);
        var t2 = Truth(sim, "t2");
        Assert.InRange(outcome.Number("fit_params.Decay"), 0.9 * t2, 1.1 * t2);
    }

    [Fact]
    public async Task Echo_t2_within_10_percent_of_the_simulator()
    {
        var (outcome, sim) = await Run(new SpinEchoMultiLevel(), new() { ["dut"] = 0 });
        Assert.Equal("good", outcome.Text("fit_quality"));
        var t2 = Truth(sim, "t2");
        Assert.InRange(outcome.Number("fit_params.Decay"), 0.9 * t2, 1.1 * t2);
    }

    [Fact]
    public async Task Drag_optimum_within_10_percent_of_the_simulator_best()
    {
        var (outcome, sim) = await Run(
            new DragCalibrationSingleQubitMultilevel(),
            new() { ["dut"] = 0 },
            ("q0.drag_alpha", -400.0)
        );
        Assert.True(outcome.Text("fit_quality") == "good", outcome.Text("fit_quality_reason"));
        var best = 2 * Truth(sim, "anharmonicity");
        Assert.InRange(outcome.Number("optimum"), 1.1 * best, 0.9 * best);
    }

    [Fact]
    public async Task Spectroscopy_and_readout_match_the_simulator()
    {
        var (qubit, sim) = await Run(new QubitSpectroscopyFrequency(), new() { ["dut_qubit"] = 0 }, ("q0.f01", 5003.0));
        Assert.Equal("good", qubit.Text("fit_quality"));
        Assert.InRange(qubit.Number("frequency_guess"), Truth(sim, "f01") - 1, Truth(sim, "f01") + 1);

        var (resonator, _) = await Run(
            new ResonatorSweepTransmissionWithExtraInitialLPB(),
            new() { ["dut_qubit"] = 0 }
        );
        Assert.Equal("good", resonator.Text("fit_quality"));
        var fr = Truth(sim, "readout_frequency");
        Assert.InRange(resonator.Number("resonator_frequency"), fr - 0.5, fr + 0.5);

        var (readout, _) = await Run(new MeasurementCalibrationMultilevelGMM(), new() { ["dut"] = 0 });
        Assert.Equal("good", readout.Text("fit_quality"));
        Assert.True(readout.Number("assignment_fidelity") > 0.9);
    }

    [Fact]
    public async Task Tuneup_recovers_from_3_MHz_and_20_percent_errors_on_the_simulator()
    {
        var sim = await SimulatorExecutor.CreateAsync();
        var truthAmp = (double)sim.Parameters["q0.pi_amp"]!;
        sim.Parameters["q0.f01"] = Truth(sim, "f01") + 3.0;
        sim.Parameters["q0.pi_amp"] = truthAmp * 1.2;
        var runner = new TestExperimentRunner(sim, sim.Parameters);
        var tuneup = new TransmonTuneUp();
        var context = TestDevice.Context(
            tuneup,
            sim,
            sim.Snapshot(),
            new Dictionary<string, object?> { ["dut"] = 0, ["include_coherence"] = false },
            runner: runner
        );
        var outcome = await tuneup.RunAsync(context, CancellationToken.None);
        Assert.True(outcome.Text("fit_quality") == "good", outcome.Text("fit_quality_reason"));
        Assert.InRange((double)sim.Parameters["q0.f01"]!, Truth(sim, "f01") - 0.05, Truth(sim, "f01") + 0.05);
        Assert.InRange((double)sim.Parameters["q0.pi_amp"]!, truthAmp * 0.98, truthAmp * 1.02);
    }

    [Fact]
    public async Task Power_rabi_and_pingpong_find_the_simulator_pi_amplitude()
    {
        var (power, sim) = await Run(new PowerRabi(), new() { ["dut_qubit"] = 0 });
        var truth = (double)sim.Parameters["q0.pi_amp"]!;
        Assert.Equal("good", power.Text("fit_quality"));
        Assert.InRange(power.Number("guess_amp"), 0.98 * truth, 1.02 * truth);

        var (pingpong, _) = await Run(
            new AmpPingpongCalibrationSingleQubitMultilevel(),
            new() { ["dut"] = 0 },
            ("q0.pi_amp", truth * 1.02)
        );
        Assert.True(pingpong.Text("fit_quality") == "good", pingpong.Text("fit_quality_reason"));
        Assert.InRange(pingpong.Number("best_amp"), 0.995 * truth, 1.005 * truth);
    }

    [Fact]
    public async Task Rb_error_per_clifford_within_30_percent_of_the_decoherence_limit_on_the_simulator()
    {
        var (outcome, sim) = await Run(
            new SingleQubitRandomizedBenchmarking(),
            new()
            {
                ["dut"] = 0,
                ["seq_length"] = 256L,
                ["kinds"] = 4L,
            }
        );
        Assert.True(outcome.Text("fit_quality") == "good", outcome.Text("fit_quality_reason"));
        var (t1, t2, t) = (Truth(sim, "t1"), Truth(sim, "t2"), 0.04);
        var perPulse = 1 - (0.5 + (Math.Exp(-t / t1) / 6) + (Math.Exp(-t / t2) / 3));
        var expected = perPulse * Common.CliffordGroup.AveragePulses;
        Assert.InRange(outcome.Number("error_per_clifford"), 0.7 * expected, 1.3 * expected);
    }
}
