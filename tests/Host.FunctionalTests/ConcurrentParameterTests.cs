using System.Globalization;
using LeeQ.Epii.Platform.Host.FunctionalTests.Infrastructure;
using LeeQ.Epii.Platform.Runs.V1;
using LeeQ.Epii.V1;

namespace LeeQ.Epii.Platform.Host.FunctionalTests;

/// <summary>
/// Eight clients write and read parameters while experiments run. Each client owns a pair of
/// parameters and always writes both in one request with the same step number encoded in the
/// values, so a reader that ever sees the two from different steps has seen a torn write.
/// </summary>
public sealed class ConcurrentParameterTests
{
    private const int Clients = 8;
    private const int MaxWritesPerClient = 3000;
    private const double Epsilon = 1e-7;

    [Fact]
    public async Task ConcurrentSetAndGet_WhileExperimentsRun_NoTornOrLostWrites()
    {
        var duration = TimeSpan.FromSeconds(
            double.Parse(
                Environment.GetEnvironmentVariable("LEEQ_EPII_SOAK_SECONDS") ?? "30",
                CultureInfo.InvariantCulture
            )
        );
        await using var host = await HostProcess.StartAsync(TestPaths.Config("simulation_2q.json"));
        var pairs = await PickParameterPairsAsync(host);
        using var stop = new CancellationTokenSource(duration);

        var experiments = RunExperimentsAsync(host, stop.Token);
        var writers = pairs.Select(pair => WriteAsync(host, pair, stop.Token)).ToArray();
        var reader = ReadAsync(host, pairs, stop.Token);
        var writes = await Task.WhenAll(writers);
        var experimentCount = await experiments;
        var snapshotsChecked = await reader;

        Assert.True(experimentCount > 0, "experiments ran during the test");
        Assert.True(snapshotsChecked > 0, "the reader checked snapshots");
        var history = new RunService.RunServiceClient(host.Channel);
        for (var i = 0; i < pairs.Count; i++)
        {
            var (a, b) = pairs[i];
            var last = await host.Client.GetParametersAsync(
                new ParameterRequest { ParameterNames = { a.Name, b.Name } }
            );
            Assert.Equal(Encode(a.Base, writes[i]), last.Parameters[a.Name]);
            Assert.Equal(Encode(b.Base, writes[i]), last.Parameters[b.Name]);
            var journal = await history.GetParameterHistoryAsync(
                new ParameterHistoryRequest { Name = a.Name, Limit = 10_000 }
            );
            Assert.Equal(writes[i], journal.Changes.Count);
        }
    }

    private static async Task<int> WriteAsync(
        HostProcess host,
        ((string Name, double Base) A, (string Name, double Base) B) pair,
        CancellationToken stop
    )
    {
        var step = 0;
        while (!stop.IsCancellationRequested && step < MaxWritesPerClient)
        {
            var next = step + 1;
            var reply = await host.Client.SetParametersAsync(
                new SetParametersRequest
                {
                    Parameters =
                    {
                        [pair.A.Name] = Encode(pair.A.Base, next),
                        [pair.B.Name] = Encode(pair.B.Base, next),
                    },
                },
                cancellationToken: CancellationToken.None
            );
            Assert.True(reply.Success, reply.ErrorMessage);
            step = next;
            var read = await host.Client.GetParametersAsync(
                new ParameterRequest { ParameterNames = { pair.A.Name, pair.B.Name } },
                cancellationToken: CancellationToken.None
            );
            Assert.Equal(step, Decode(pair.A.Base, read.Parameters[pair.A.Name]));
            Assert.Equal(step, Decode(pair.B.Base, read.Parameters[pair.B.Name]));
        }

        return step;
    }

    private static async Task<int> ReadAsync(
        HostProcess host,
        IReadOnlyList<((string Name, double Base) A, (string Name, double Base) B)> pairs,
        CancellationToken stop
    )
    {
        var checkedCount = 0;
        var request = new ParameterRequest();
        request.ParameterNames.Add(pairs.SelectMany(p => new[] { p.A.Name, p.B.Name }));
        while (!stop.IsCancellationRequested)
        {
            var read = await host.Client.GetParametersAsync(request, cancellationToken: CancellationToken.None);
            foreach (var (a, b) in pairs)
            {
                Assert.Equal(Decode(a.Base, read.Parameters[a.Name]), Decode(b.Base, read.Parameters[b.Name]));
            }

            checkedCount++;
        }

        return checkedCount;
    }

    private static async Task<int> RunExperimentsAsync(HostProcess host, CancellationToken stop)
    {
        var count = 0;
        while (!stop.IsCancellationRequested)
        {
            var request = new ExperimentRequest { ExperimentType = count % 2 == 0 ? "t1" : "rabi" };
            request.Parameters.Add(count % 2 == 0 ? "qubit" : "dut_qubit", "q0");
            request.Parameters.Add("shots", "200");
            var response = await host.Client.RunExperimentAsync(request, cancellationToken: CancellationToken.None);
            Assert.True(response.Success);
            count++;
        }

        return count;
    }

    /// <summary>Sixteen writable, non-zero float parameters of q1 and its simulated truth, paired up.</summary>
    private static async Task<
        IReadOnlyList<((string Name, double Base) A, (string Name, double Base) B)>
    > PickParameterPairsAsync(HostProcess host)
    {
        var list = await host.Client.ListParametersAsync(new Empty());
        var candidates = list
            .Parameters.Where(p =>
                !p.ReadOnly
                && p.Type == "float"
                && (
                    p.Name.StartsWith("q1.", StringComparison.Ordinal)
                    || p.Name.StartsWith("sim.q1.", StringComparison.Ordinal)
                )
            )
            .Select(p => (p.Name, Base: double.Parse(p.CurrentValue, CultureInfo.InvariantCulture)))
            .Where(p => p.Base != 0 && double.IsFinite(p.Base))
            .Take(Clients * 2)
            .ToList();
        Assert.True(
            candidates.Count == Clients * 2,
            $"need {Clients * 2} writable float parameters, found {candidates.Count}: {string.Join(", ", candidates.Select(c => c.Name))}"
        );
        return [.. Enumerable.Range(0, Clients).Select(i => (candidates[2 * i], candidates[(2 * i) + 1]))];
    }

    private static string Encode(double baseValue, int step) =>
        (baseValue * (1 + (step * Epsilon))).ToString("R", CultureInfo.InvariantCulture);

    private static int Decode(double baseValue, string text) =>
        (int)Math.Round(((double.Parse(text, CultureInfo.InvariantCulture) / baseValue) - 1) / Epsilon);
}
