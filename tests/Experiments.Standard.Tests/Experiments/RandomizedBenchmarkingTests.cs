using LeeQ.Epii.Platform.Contracts.Programs;
using LeeQ.Epii.Platform.Plugins.Experiments.Standard.Characterizations;
using LeeQ.Epii.Platform.Plugins.Experiments.Standard.Common;
using LeeQ.Epii.Platform.Plugins.Experiments.Standard.Tests.Support;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Tests.Experiments;

/// <summary>The Clifford table and RB against the analytic reference device.</summary>
public sealed class RandomizedBenchmarkingTests
{
    [Fact]
    public void Clifford_table_is_a_group_of_24_distinct_elements()
    {
        Assert.Equal(24, CliffordGroup.Elements.Count);
        Assert.Equal(
            24,
            Enumerable.Range(0, 24).Select(k => CliffordGroup.IndexOf(CliffordGroup.Matrices[k])).Distinct().Count()
        );
        foreach (var a in CliffordGroup.Matrices)
        {
            foreach (var b in CliffordGroup.Matrices)
            {
                CliffordGroup.IndexOf(CliffordGroup.Multiply(a, b)); // throws when not closed
            }
        }

        Assert.Equal(44.0 / 24, CliffordGroup.AveragePulses, 6);
    }

    [Fact]
    public void Recovery_returns_to_identity()
    {
        var random = new Random(5);
        var pulses = Enumerable.Range(0, 50).SelectMany(_ => CliffordGroup.Elements[random.Next(24)]).ToList();
        pulses.AddRange(CliffordGroup.Elements[CliffordGroup.InverseOf(CliffordGroup.Compose(pulses))]);
        var u = CliffordGroup.Compose(pulses);
        Assert.Equal(1.0, u[0].Magnitude, 9);
        Assert.Equal(0.0, u[2].Magnitude, 9);
    }

    [Fact]
    public async Task Rb_too_many_cliffords_is_refused_before_anything_runs()
    {
        var error = await Assert.ThrowsAsync<LeeQ.Epii.Platform.Contracts.Experiments.ExperimentArgumentException>(() =>
            TestDevice.RunAsync(
                new SingleQubitRandomizedBenchmarking(),
                new Dictionary<string, object?>
                {
                    ["dut"] = 0,
                    ["seq_length"] = 100_000L,
                    ["kinds"] = 1000L,
                }
            )
        );
        Assert.Equal("seq_length", error.Argument);
        Assert.Contains("at most 50000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rb_error_per_clifford_is_within_30_percent_of_the_decoherence_limit()
    {
        var q = new DeviceQubit();
        var outcome = await TestDevice.RunAsync(
            new SingleQubitRandomizedBenchmarking(),
            new Dictionary<string, object?>
            {
                ["dut"] = 0,
                ["seq_length"] = 1024L,
                ["kinds"] = 10L,
            }
        );
        Assert.True(outcome.Text("fit_quality") == "good", outcome.Text("fit_quality_reason"));
        const double t = 0.04;
        var perPulse = 1 - (0.5 + (Math.Exp(-t / q.T1) / 6) + (Math.Exp(-t / q.T2) / 3));
        var expected = perPulse * CliffordGroup.AveragePulses;
        Assert.InRange(outcome.Number("error_per_clifford"), 0.7 * expected, 1.3 * expected);
    }

    [Fact]
    public async Task Sequences_follow_the_run_seed()
    {
        static async Task<List<PulseProgram>> Programs(long seed)
        {
            var device = TestDevice.OneQubit();
            var executor = new AnalyticTwoLevelExecutor(device);
            var context = TestDevice.Context(
                new SingleQubitRandomizedBenchmarking(),
                executor,
                TestDevice.Snapshot(device),
                new Dictionary<string, object?>
                {
                    ["dut"] = 0,
                    ["seq_length"] = 8L,
                    ["kinds"] = 2L,
                },
                seed: seed
            );
            await new SingleQubitRandomizedBenchmarking().RunAsync(context, CancellationToken.None);
            return [.. executor.Requests.Single()];
        }

        var a = await Programs(1);
        var b = await Programs(1);
        var c = await Programs(2);
        Assert.True(a.Zip(b).All(p => p.First.Instructions.SequenceEqual(p.Second.Instructions)));
        Assert.False(a.Zip(c).All(p => p.First.Instructions.SequenceEqual(p.Second.Instructions)));
    }
}
