using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Grpc.Core;
using LeeQ.Epii.Platform.Host.FunctionalTests.Infrastructure;
using LeeQ.Epii.Platform.Runs.V1;
using LeeQ.Epii.V1;

namespace LeeQ.Epii.Platform.Host.FunctionalTests;

public sealed class DaemonLifecycleTests
{
    [Fact]
    public async Task Sigterm_DuringLongExperiment_ExitsZeroWithinGrace_RecordsCancelled_RemovesPidFile()
    {
        using var state = new StateDirectory();
        using var config = new TempConfig("simulation_2q.json", d =>
            d["shutdown"] = new JsonObject { ["grace_period"] = 6 }
        );
        var pidFile = Path.Combine(config.Directory, "daemon.pid");
        await using var host = await HostProcess.StartAsync(config.Path, state.Environment, "--pid-file", pidFile);
        Assert.True(File.Exists(pidFile));
        var call = host.Client.RunExperimentAsync(
            new ExperimentRequest
            {
                ExperimentType = "rabi",
                Parameters =
                {
                    ["dut_qubit"] = "q0",
                    ["start"] = "0.001",
                    ["stop"] = "1.9",
                    ["step"] = "0.0001",
                    ["shots"] = "4000",
                    ["update"] = "false",
                },
            }
        );
        var runId = (await call.ResponseHeadersAsync).GetValue("x-epii-run-id")!;
        await Task.Delay(500);

        var watch = Stopwatch.StartNew();
        var code = await host.StopAsync(TimeSpan.FromSeconds(30));
        var elapsed = watch.Elapsed;
        await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(0, code);
        Assert.True(
            elapsed < TimeSpan.FromSeconds(6),
            $"the daemon took {elapsed.TotalSeconds:0.0} s to stop with a 6 s grace:{Environment.NewLine}{host.Output}"
        );
        Assert.False(File.Exists(pidFile));
        await using var again = await HostProcess.StartAsync(config.Path, state.Environment);
        var run = await new RunService.RunServiceClient(again.Channel).GetRunAsync(new GetRunRequest { RunId = runId });
        Assert.Equal("cancelled", run.Summary.Status);
    }

    [Fact]
    public async Task Sigterm_WithAnExperimentIgnoringCancellation_StillExitsWithinGrace_AndRecordsItCancelled()
    {
        using var state = new StateDirectory();
        using var plugins = new PluginDirectory("Extra");
        using var config = new TempConfig("simulation_2q.json", d =>
            d["shutdown"] = new JsonObject { ["grace_period"] = 6 }
        );
        var environment = new Dictionary<string, string>(state.Environment)
        {
            ["LEEQ_EPII_PLUGINS_DIR"] = plugins.Path,
        };
        await using var host = await HostProcess.StartAsync(config.Path, environment);
        var call = host.Client.RunExperimentAsync(
            new ExperimentRequest { ExperimentType = "test.Stubborn", Parameters = { ["seconds"] = "120" } }
        );
        var runId = (await call.ResponseHeadersAsync).GetValue("x-epii-run-id")!;
        await Task.Delay(300);

        var watch = Stopwatch.StartNew();
        var code = await host.StopAsync(TimeSpan.FromSeconds(30));
        var elapsed = watch.Elapsed;

        Assert.Equal(0, code);
        Assert.True(
            elapsed < TimeSpan.FromSeconds(6),
            $"the daemon took {elapsed.TotalSeconds:0.0} s to stop with a 6 s grace:{Environment.NewLine}{host.Output}"
        );
        await using var again = await HostProcess.StartAsync(config.Path, environment);
        var run = await new RunService.RunServiceClient(again.Channel).GetRunAsync(new GetRunRequest { RunId = runId });
        Assert.Equal("cancelled", run.Summary.Status);
    }

    [Fact]
    public async Task PidFile_HeldByLiveDaemon_RefusesSecondStart()
    {
        using var config = new TempConfig("simulation_2q.json");
        var pidFile = Path.Combine(config.Directory, "daemon.pid");
        await using var first = await HostProcess.StartAsync(config.Path, null, "--pid-file", pidFile);

        var (code, stdout, _) = await CliProcess.RunAsync([
            "--config",
            config.Path,
            "--port",
            HostProcess.FreePort().ToString(CultureInfo.InvariantCulture),
            "--pid-file",
            pidFile,
        ]);

        Assert.Equal(1, code);
        Assert.Contains("another leeq-epii", stdout, StringComparison.Ordinal);
        Assert.Contains(pidFile, stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PidFile_Stale_IsReplacedWithAWarning()
    {
        using var config = new TempConfig("simulation_2q.json");
        var pidFile = Path.Combine(config.Directory, "daemon.pid");
        await File.WriteAllTextAsync(pidFile, "999999\n");

        await using var host = await HostProcess.StartAsync(config.Path, null, "--pid-file", pidFile);

        Assert.Contains("removed stale PID file", host.Output, StringComparison.Ordinal);
        Assert.NotEqual("999999", (await File.ReadAllTextAsync(pidFile)).Trim());
    }

    [Fact]
    public async Task Sighup_ReloadsLogLevel_AndSaysWhatNeedsARestart()
    {
        using var config = new TempConfig("simulation_2q.json", d =>
            d["logging"] = new JsonObject { ["level"] = "INFO" }
        );
        await using var host = await HostProcess.StartAsync(config.Path);
        var document = JsonNode.Parse(await File.ReadAllTextAsync(config.Path))!.AsObject();
        document["logging"] = new JsonObject { ["level"] = "DEBUG" };
        document["timeout"] = 120;
        config.Write(document);

        using (
            var hup = Process.Start(
                new ProcessStartInfo("kill")
                {
                    ArgumentList = { "-HUP", host.ProcessId.ToString(CultureInfo.InvariantCulture) },
                }
            )!
        )
        {
            await hup.WaitForExitAsync();
        }

        var watch = Stopwatch.StartNew();
        while (
            !host.Output.Contains("Reload finished", StringComparison.Ordinal)
            && watch.Elapsed < TimeSpan.FromSeconds(20)
        )
        {
            await Task.Delay(100);
        }

        Assert.Contains("Reload: log level changed from Information to Debug", host.Output, StringComparison.Ordinal);
        Assert.Contains("ExperimentTimeout", host.Output, StringComparison.Ordinal);
        Assert.Equal("Pong from LeeQ EPII service", (await host.Client.PingAsync(new Empty())).Message);
    }
}
