using System.Diagnostics;
using Grpc.Core;
using LeeQ.Epii.Platform.Host.FunctionalTests.Infrastructure;
using LeeQ.Epii.Platform.Runs.V1;
using LeeQ.Epii.V1;

namespace LeeQ.Epii.Platform.Host.FunctionalTests;

public sealed class StateStoreTests
{
    private static readonly string Sample = TestPaths.Config("simulation_2q.json");

    [Fact]
    public async Task SetParameter_SurvivesKill9_AndHistoryShowsTheChange()
    {
        using var state = new StateDirectory();
        await using (var first = await HostProcess.StartAsync(Sample, state.Environment))
        {
            var reply = await first.Client.SetParametersAsync(
                new SetParametersRequest { Parameters = { ["q0.f01"] = "4997.5" } }
            );
            Assert.True(reply.Success, reply.ErrorMessage);
            first.Kill();
        }

        await using var second = await HostProcess.StartAsync(Sample, state.Environment);
        var read = await second.Client.GetParametersAsync(new ParameterRequest { ParameterNames = { "q0.f01" } });
        var history = await new RunService.RunServiceClient(second.Channel).GetParameterHistoryAsync(
            new ParameterHistoryRequest { Name = "q0.f01" }
        );

        Assert.Equal("4997.5", read.Parameters["q0.f01"]);
        var change = Assert.Single(history.Changes);
        Assert.Equal("4997.5", change.NewValue);
        Assert.Equal("client", change.SourceKind);
    }

    [Fact]
    public async Task SetParameters_ReadOnlyOrOutOfRange_ChangesNothing()
    {
        await using var host = await HostProcess.StartAsync(Sample);
        var readOnly = await host.Client.SetParametersAsync(
            new SetParametersRequest { Parameters = { ["status.num_qubits"] = "5", ["q0.pi_amp"] = "0.3" } }
        );
        var outOfRange = await host.Client.SetParametersAsync(
            new SetParametersRequest { Parameters = { ["q0.pi_amp"] = "3", ["q0.pi_width"] = "0.05" } }
        );
        var read = await host.Client.GetParametersAsync(
            new ParameterRequest { ParameterNames = { "q0.pi_amp", "q0.pi_width" } }
        );
        var history = await new RunService.RunServiceClient(host.Channel).GetParameterHistoryAsync(
            new ParameterHistoryRequest { Name = "q0.pi_amp" }
        );

        Assert.False(readOnly.Success);
        Assert.Contains("status.num_qubits", readOnly.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("read-only", readOnly.ErrorMessage, StringComparison.Ordinal);
        Assert.False(outOfRange.Success);
        Assert.Contains("maximum", outOfRange.ErrorMessage, StringComparison.Ordinal);
        Assert.NotEqual("0.3", read.Parameters["q0.pi_amp"]);
        Assert.NotEqual("0.05", read.Parameters["q0.pi_width"]);
        Assert.Empty(history.Changes);
    }

    [Fact]
    public async Task CorruptStore_StopsStartupWithAClearMessage_AndIsLeftUntouched()
    {
        using var state = new StateDirectory();
        var file = state.DatabaseFile("simulation_2q");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var garbage = new byte[8192];
        new Random(5).NextBytes(garbage);
        await File.WriteAllBytesAsync(file, garbage);

        var (code, stdout, _) = await CliProcess.RunAsync(
            [
                "--config",
                Sample,
                "--port",
                HostProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ],
            state.Environment
        );

        Assert.Equal(1, code);
        Assert.Contains("state store", stdout, StringComparison.Ordinal);
        Assert.Contains(file, stdout, StringComparison.Ordinal);
        Assert.Equal(garbage, await File.ReadAllBytesAsync(file));
    }

    [Fact]
    public async Task EveryRun_IsRecordedWithRequestSnapshotAndResponse()
    {
        await using var host = await HostProcess.StartAsync(Sample);
        var request = new ExperimentRequest
        {
            ExperimentType = "t1",
            Parameters = { ["qubit"] = "q0", ["seed"] = "21" },
        };
        var call = host.Client.RunExperimentAsync(request);
        var response = await call.ResponseAsync;
        var runId = (await call.ResponseHeadersAsync).GetValue("x-epii-run-id");

        var runs = new RunService.RunServiceClient(host.Channel);
        var detail = await runs.GetRunAsync(new GetRunRequest { RunId = runId });
        var listed = await runs.ListRunsAsync(new ListRunsRequest { Limit = 10 });

        Assert.Equal(response.Metadata["run_id"], runId);
        Assert.Equal("succeeded", detail.Summary.Status);
        Assert.Equal(21, detail.Summary.Seed);
        Assert.Equal("q0", detail.RequestParameters["qubit"]);
        Assert.Contains("\"q0.f01\"", detail.ParameterSnapshotJson, StringComparison.Ordinal);
        Assert.Contains("simulation.numeric", detail.VersionsJson, StringComparison.Ordinal);
        Assert.Equal(response, detail.Response);
        Assert.Contains(listed.Runs, r => r.RunId == runId);
    }

    [Fact]
    public async Task DisconnectedClient_CanFetchTheFullResultById()
    {
        await using var host = await HostProcess.StartAsync(Sample);
        using var disconnect = new CancellationTokenSource();
        var call = host.Client.RunExperimentAsync(LongRabi(seed: 4, stop: "0.4"), cancellationToken: disconnect.Token);
        var runId = (await call.ResponseHeadersAsync).GetValue("x-epii-run-id");
        disconnect.Cancel();
        await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        var runs = new RunService.RunServiceClient(host.Channel);
        var detail = await WaitForStatusAsync(
            runs,
            runId!,
            s => s is "succeeded" or "failed" or "cancelled",
            TimeSpan.FromSeconds(120)
        );

        Assert.Equal("succeeded", detail.Summary.Status);
        Assert.True(detail.Response.Success);
        Assert.Contains(detail.Response.Data, d => d.Name == "data");
    }

    [Fact]
    public async Task CancelledRun_IsRecordedCancelled_AndTheStoreIsUsableAtOnce()
    {
        await using var host = await HostProcess.StartAsync(Sample);
        var call = host.Client.RunExperimentAsync(LongRabi(seed: 5, stop: "1.9"));
        var runId = (await call.ResponseHeadersAsync).GetValue("x-epii-run-id")!;
        var runs = new RunService.RunServiceClient(host.Channel);
        await WaitForStatusAsync(runs, runId, s => s == "running", TimeSpan.FromSeconds(30));

        var cancel = await runs.CancelRunAsync(new CancelRunRequest { RunId = runId });
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        var write = await host.Client.SetParametersAsync(
            new SetParametersRequest { Parameters = { ["q1.readout_amp"] = "0.2" } }
        );
        var detail = await runs.GetRunAsync(new GetRunRequest { RunId = runId });

        Assert.True(cancel.Cancelled);
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        Assert.Equal("cancelled", detail.Summary.Status);
        Assert.True(write.Success, write.ErrorMessage);
    }

    /// <summary>A Rabi sweep with 0.1 ns steps up to <paramref name="stop"/> µs: long enough to be caught while running.</summary>
    private static ExperimentRequest LongRabi(int seed, string stop) =>
        new()
        {
            ExperimentType = "rabi",
            Parameters =
            {
                ["dut_qubit"] = "q0",
                ["start"] = "0.001",
                ["stop"] = stop,
                ["step"] = "0.0001",
                ["shots"] = "4000",
                ["seed"] = seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["update"] = "false",
            },
        };

    private static async Task<RunDetail> WaitForStatusAsync(
        RunService.RunServiceClient runs,
        string runId,
        Func<string, bool> done,
        TimeSpan timeout
    )
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var detail = await runs.GetRunAsync(new GetRunRequest { RunId = runId });
            if (done(detail.Summary.Status))
            {
                return detail;
            }

            Assert.True(watch.Elapsed < timeout, $"run {runId} stayed '{detail.Summary.Status}' for {timeout}");
            await Task.Delay(100);
        }
    }
}
