using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Grpc.Core;
using LeeQ.Epii.Platform.Host.FunctionalTests.Infrastructure;
using LeeQ.Epii.V1;

namespace LeeQ.Epii.Platform.Host.FunctionalTests;

public sealed class CommandLineFlagTests
{
    private static readonly string Sample = TestPaths.Config("simulation_2q.json");

    [Fact]
    public async Task Help_PrintsUsageAndExitsZero()
    {
        var (code, stdout, _) = await CliProcess.RunAsync(["--help"]);

        Assert.Equal(0, code);
        Assert.Contains("--diagnostic-report", stdout, StringComparison.Ordinal);
        Assert.Contains("Exit codes", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_PrintsVersionsAndExitsZero()
    {
        var (code, stdout, _) = await CliProcess.RunAsync(["--version"]);

        Assert.Equal(0, code);
        Assert.StartsWith("leeq-epii 1.0.0", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--validate" }, "--config is required")]
    [InlineData(new[] { "--config", "x.json", "--port", "70000" }, "--port")]
    [InlineData(new[] { "--config", "x.json", "--log-level", "LOUD" }, "--log-level")]
    [InlineData(new[] { "--config", "x.json", "--validate", "--health-check" }, "mutually exclusive")]
    public async Task Misuse_IsExitTwoWithReason(string[] args, string expected)
    {
        var (code, _, stderr) = await CliProcess.RunAsync(args);

        Assert.Equal(2, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigName_IsLookedUpInConfigDirectory()
    {
        using var config = new TempConfig("minimal.json", fileName: "bench7.json");

        var (code, stdout, _) = await CliProcess.RunAsync(
            ["--config", "bench7", "--validate"],
            new Dictionary<string, string> { ["LEEQ_EPII_CONFIG_DIR"] = config.Directory }
        );

        Assert.Equal(0, code);
        Assert.Contains(config.Path, stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthCheck_PassesOnSample_OneLinePerCheck()
    {
        var (code, stdout, _) = await CliProcess.RunAsync([
            "--config",
            Sample,
            "--health-check",
            "--port",
            HostProcess.FreePort().ToString(CultureInfo.InvariantCulture),
        ]);

        Assert.Equal(0, code);
        foreach (var check in new[] { "configuration", "plugins", "disk", "memory", "state directory", "port" })
        {
            Assert.Contains($"PASS {check}:", stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task HealthCheck_InvalidConfig_FailsWithReason()
    {
        using var config = new TempConfig("simulation_2q.json", d => d["timeout"] = -1);

        var (code, stdout, _) = await CliProcess.RunAsync(["--config", config.Path, "--health-check"]);

        Assert.Equal(1, code);
        Assert.Contains("FAIL configuration:", stdout, StringComparison.Ordinal);
        Assert.Contains("$.timeout", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthCheck_WithRunningDaemon_AsksItOverGrpcHealth()
    {
        await using var host = await HostProcess.StartAsync(Sample);

        var (code, stdout, _) = await CliProcess.RunAsync([
            "--config",
            Sample,
            "--health-check",
            "--port",
            host.Port.ToString(CultureInfo.InvariantCulture),
        ]);

        Assert.Equal(0, code);
        Assert.Contains("PASS running daemon:", stdout, StringComparison.Ordinal);
        Assert.Contains("Serving", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthCheck_PortHeldByAnotherProgram_Fails()
    {
        using var listener = new TcpListener(IPAddress.IPv6Any, 0);
        listener.Server.DualMode = true;
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var (code, stdout, _) = await CliProcess.RunAsync([
            "--config",
            Sample,
            "--health-check",
            "--port",
            port.ToString(CultureInfo.InvariantCulture),
        ]);

        Assert.Equal(1, code);
        Assert.Contains("FAIL port:", stdout, StringComparison.Ordinal);
        Assert.Contains("FAIL running daemon:", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DiagnosticReport_HasEverySection_AndMasksSecrets()
    {
        using var config = new TempConfig("simulation_2q.json", d => d["description"] = "diagnostics");

        var (code, stdout, _) = await CliProcess.RunAsync(["--config", config.Path, "--diagnostic-report"]);

        Assert.Equal(0, code);
        foreach (
            var section in new[]
            {
                "== Versions",
                "== Plugin load results",
                "== Configuration",
                "== Backend",
                "== State store",
                "== Checks",
            }
        )
        {
            Assert.Contains(section, stdout, StringComparison.Ordinal);
        }

        Assert.Contains("plugin simulation.numeric:", stdout, StringComparison.Ordinal);
        Assert.Contains("health: healthy", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestExperiment_Default_RunsRabiAndExitsZero()
    {
        var (code, stdout, _) = await CliProcess.RunAsync(["--config", Sample, "--test-experiment"]);

        Assert.Equal(0, code);
        Assert.Contains("Testing experiment: calibrations.NormalisedRabi", stdout, StringComparison.Ordinal);
        Assert.Contains("Test status: OK", stdout, StringComparison.Ordinal);
        Assert.Contains("Duration:", stdout, StringComparison.Ordinal);
        Assert.Contains("fit_params.Frequency =", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestExperiment_Unknown_ExitsOneNamingIt()
    {
        var (code, stdout, _) = await CliProcess.RunAsync([
            "--config",
            Sample,
            "--test-experiment",
            "calibrations.Nope",
        ]);

        Assert.Equal(1, code);
        Assert.Contains("Unknown experiment 'calibrations.Nope'", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartupChecks_PortInUse_ExitOne_UnlessSkipped()
    {
        using var listener = new TcpListener(IPAddress.IPv6Any, 0);
        listener.Server.DualMode = true;
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);

        var (checkedCode, checkedOut, _) = await CliProcess.RunAsync(["--config", Sample, "--port", port]);
        var (skippedCode, skippedOut, _) = await CliProcess.RunAsync([
            "--config",
            Sample,
            "--port",
            port,
            "--no-health-checks",
        ]);

        Assert.Equal(1, checkedCode);
        Assert.Contains("start-up checks failed", checkedOut, StringComparison.Ordinal);
        Assert.Equal(1, skippedCode);
        Assert.Contains("skipped", skippedOut, StringComparison.Ordinal);
        Assert.Contains("cannot listen", skippedOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DebugGrpc_LogsEachCall()
    {
        await using var host = await HostProcess.StartAsync(Sample, null, "--debug-grpc", "--log-level", "DEBUG");

        await host.Client.ListParametersAsync(new Empty());
        await Task.Delay(300);

        Assert.Contains(
            "gRPC call /epii.v1.ExperimentPlatformService/ListParameters",
            host.Output,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task PortFromEnvironment_IsWhereTheDaemonListens()
    {
        var port = HostProcess.FreePort();
        using var config = new TempConfig("simulation_2q.json");
        var info = CliProcess.CreateStartInfo(
            ["--config", config.Path],
            new Dictionary<string, string> { ["LEEQ_EPII_PORT"] = port.ToString(CultureInfo.InvariantCulture) }
        );
        using var process = System.Diagnostics.Process.Start(info)!;
        try
        {
            using var channel = Grpc.Net.Client.GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
            var client = new ExperimentPlatformService.ExperimentPlatformServiceClient(channel);
            var reply = await RetryAsync(() =>
                client.PingAsync(new Empty(), deadline: DateTime.UtcNow.AddSeconds(2)).ResponseAsync
            );
            Assert.Equal("Pong from LeeQ EPII service", reply.Message);
        }
        finally
        {
            CliProcess.Terminate(process);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task LogLevelFromEnvironment_EnablesDebugLines()
    {
        await using var host = await HostProcess.StartAsync(
            Sample,
            new Dictionary<string, string> { ["LEEQ_EPII_LOG_LEVEL"] = "DEBUG" },
            "--debug-grpc"
        );

        await host.Client.PingAsync(new Empty());
        await Task.Delay(300);

        Assert.Contains("[DBG]", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MaxMessageSizeFromEnvironment_BoundsResponses()
    {
        await using var host = await HostProcess.StartAsync(
            Sample,
            new Dictionary<string, string> { ["LEEQ_EPII_MAX_MESSAGE_SIZE"] = "2048" }
        );

        var small = await host.Client.PingAsync(new Empty());
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            host.Client.ListAvailableExperimentsAsync(new Empty()).ResponseAsync
        );

        Assert.Equal("Pong from LeeQ EPII service", small.Message);
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    private static async Task<T> RetryAsync<T>(Func<Task<T>> call)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (RpcException) when (attempt < 300)
            {
                await Task.Delay(100);
            }
        }
    }
}
