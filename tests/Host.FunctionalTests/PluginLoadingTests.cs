using LeeQ.Epii.Platform.Host.FunctionalTests.Infrastructure;
using LeeQ.Epii.TestPlugins.Extra.V1;
using LeeQ.Epii.V1;
using ReflectionV1 = Grpc.Reflection.V1;

namespace LeeQ.Epii.Platform.Host.FunctionalTests;

public sealed class PluginLoadingTests
{
    private static readonly string Sample = TestPaths.Config("simulation_2q.json");

    [Fact]
    public async Task PluginsDirFromEnvironment_AddsExperimentAndGrpcServiceVisibleInReflection()
    {
        using var plugins = new PluginDirectory("Extra");
        await using var host = await HostProcess.StartAsync(
            Sample,
            new Dictionary<string, string> { ["LEEQ_EPII_PLUGINS_DIR"] = plugins.Path }
        );

        var experiments = await host.Client.ListAvailableExperimentsAsync(new Empty());
        var run = await host.Client.RunExperimentAsync(
            new ExperimentRequest { ExperimentType = "measure_ground", Parameters = { ["qubit"] = "q1" } }
        );
        var echo = await new Echo.EchoClient(host.Channel).SayAsync(new EchoMessage { Text = "abc" });
        var services = await ListServicesAsync(host);

        Assert.Contains(experiments.Experiments, e => e.Name == "test.MeasureGround");
        Assert.InRange(run.Data.Single(d => d.Name == "p_excited").Number, 0.0, 0.2);
        Assert.Equal("cba", echo.Text);
        Assert.Contains("leeq.testplugin.v1.Echo", services);
        Assert.Contains("leeq.runs.v1.RunService", services);
    }

    [Fact]
    public async Task PluginsFlag_IncompatiblePlugin_IsReportedByPathAndReason_OthersStillServe()
    {
        using var plugins = new PluginDirectory("Incompatible");
        await using var host = await HostProcess.StartAsync(Sample, null, "--plugins", plugins.Path);

        var reply = await host.Client.PingAsync(new Empty());

        Assert.Equal("Pong from LeeQ EPII service", reply.Message);
        Assert.Contains(Path.Combine(plugins.Path, "Incompatible"), host.Output, StringComparison.Ordinal);
        Assert.Contains("incompatible", host.Output, StringComparison.Ordinal);
        Assert.Contains("contract 2.0.0", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExperimentIgnoringCancellation_IsAbandoned_AndFreesItsSlot()
    {
        using var plugins = new PluginDirectory("Extra");
        using var config = new TempConfig("simulation_2q.json", d =>
            d["experiments"] = new System.Text.Json.Nodes.JsonObject { ["max_concurrent"] = 1 }
        );
        await using var host = await HostProcess.StartAsync(
            config.Path,
            new Dictionary<string, string> { ["LEEQ_EPII_PLUGINS_DIR"] = plugins.Path }
        );

        var stubborn = host.Client.RunExperimentAsync(
            new ExperimentRequest { ExperimentType = "test.Stubborn" },
            deadline: DateTime.UtcNow.AddSeconds(2)
        );
        var runId = (await stubborn.ResponseHeadersAsync).GetValue("x-epii-run-id")!;
        var error = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => stubborn.ResponseAsync);
        var next = await host.Client.RunExperimentAsync(
            new ExperimentRequest { ExperimentType = "t1", Parameters = { ["qubit"] = "q0", ["shots"] = "100" } },
            deadline: DateTime.UtcNow.AddSeconds(30)
        );
        var record = await new LeeQ.Epii.Platform.Runs.V1.RunService.RunServiceClient(host.Channel).GetRunAsync(
            new LeeQ.Epii.Platform.Runs.V1.GetRunRequest { RunId = runId }
        );

        Assert.Equal(Grpc.Core.StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.True(next.Success);
        Assert.Equal("cancelled", record.Summary.Status);
        Assert.Contains("did not stop within", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_ListsPluginFailures()
    {
        using var plugins = new PluginDirectory("Incompatible");

        var (code, stdout, _) = await CliProcess.RunAsync([
            "--config",
            Sample,
            "--validate",
            "--plugins",
            plugins.Path,
        ]);

        Assert.Equal(0, code);
        Assert.Contains("LeeQ.Epii.TestPlugins.Incompatible.dll", stdout, StringComparison.Ordinal);
        Assert.Contains("targets contract 2.0.0", stdout, StringComparison.Ordinal);
    }

    private static async Task<List<string>> ListServicesAsync(HostProcess host)
    {
        var client = new ReflectionV1.ServerReflection.ServerReflectionClient(host.Channel);
        using var call = client.ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ReflectionV1.ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        return [.. call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name)];
    }
}
