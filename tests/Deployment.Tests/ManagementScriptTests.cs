using LeeQ.Epii.Platform.Deployment.Tests.Infrastructure;

namespace LeeQ.Epii.Platform.Deployment.Tests;

public sealed class ManagementScriptTests : IClassFixture<InstalledRoot>
{
    private readonly InstalledRoot _installed;

    public ManagementScriptTests(InstalledRoot installed)
    {
        _installed = installed;
    }

    [Fact]
    public async Task Validate_InstalledSetup_RunsTheInstalledExecutable()
    {
        var result = await Manage(["validate", "simulation_2q"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(
            "Configuration is valid (setup 'simulation_2q', simulation, port 50051)",
            result.StdOut,
            StringComparison.Ordinal
        );
        Assert.Contains($"{_installed.Root.Path}/opt/leeq/bin/plugins", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_All_ChecksEverySetupFile()
    {
        var result = await Manage(["validate", "--all"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("port 50051", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("port 50060", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("port 50070", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_WithBinAndConfigDirFromEnvironment_UsesTheBuiltHostAndRepositorySamples()
    {
        using var configs = new TempRoot();
        File.Copy(TestPaths.Config("minimal.json"), Path.Combine(configs.Path, "minimal.json"));
        await File.WriteAllTextAsync(
            Path.Combine(configs.Path, "broken.json"),
            """{ "setup_type": "simulation", "setup_name": "broken", "port": "fifty" }"""
        );
        var environment = new Dictionary<string, string>
        {
            ["LEEQ_EPII_BIN"] = Path.Combine(TestPaths.HostDirectory, "leeq-epii"),
            ["LEEQ_EPII_CONFIG_DIR"] = configs.Path,
        };

        var good = await Run.ScriptAsync("leeq-epii-service.sh", ["validate", "minimal"], environment);
        var bad = await Run.ScriptAsync("leeq-epii-service.sh", ["validate", "broken"], environment);
        var missing = await Run.ScriptAsync("leeq-epii-service.sh", ["validate", "nonexistent"], environment);

        Assert.True(good.ExitCode == 0, good.ToString());
        Assert.True(bad.ExitCode == 1, bad.ToString());
        Assert.Contains("$.port", bad.StdOut, StringComparison.Ordinal);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("no setup file", missing.StdErr, StringComparison.Ordinal);
        Assert.Contains("broken minimal", missing.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthAndDiagnose_RunTheDaemonsChecksWithTheInstalledExecutable()
    {
        using var configs = new TempRoot();
        using var state = new TempRoot();
        // Loopback only: the port check binds the setup's address.
        var setup = (await File.ReadAllTextAsync(TestPaths.Config("minimal.json"))).Replace(
            "\"port\": 50070",
            "\"port\": 50070,\n  \"bind_address\": \"127.0.0.1\"",
            StringComparison.Ordinal
        );
        await File.WriteAllTextAsync(Path.Combine(configs.Path, "minimal.json"), setup);
        var environment = new Dictionary<string, string>
        {
            ["LEEQ_EPII_CONFIG_DIR"] = configs.Path,
            ["STATE_DIRECTORY"] = state.Path,
        };

        var health = await Manage(["health", "minimal"], environment);
        var diagnose = await Manage(["diagnose", "minimal"], environment);

        Assert.True(health.ExitCode == 0, health.ToString());
        Assert.Contains("PASS configuration", health.StdOut, StringComparison.Ordinal);
        Assert.Contains("All health checks passed", health.StdOut, StringComparison.Ordinal);
        Assert.True(diagnose.ExitCode == 0, diagnose.ToString());
        Assert.Contains($"{_installed.Root.Path}/opt/leeq/bin/plugins", diagnose.StdOut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jq")]
    [InlineData("none")]
    public async Task List_ShowsEverySetupWithItsPortAndDescription(string jq)
    {
        var result = await Manage(["list"], new Dictionary<string, string> { ["LEEQ_EPII_JQ"] = jq });

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.StdOut.Split('\n');
        Assert.Contains(lines, l =>
            l.StartsWith("simulation_2q ", StringComparison.Ordinal)
            && l.Contains(" 50051 ", StringComparison.Ordinal)
            && l.Contains("Two simulated transmons with exchange coupling", StringComparison.Ordinal)
        );
        Assert.Contains(lines, l =>
            l.StartsWith("minimal ", StringComparison.Ordinal) && l.Contains(" 50070 ", StringComparison.Ordinal)
        );
        Assert.Contains(lines, l =>
            l.StartsWith("hardware_qubic ", StringComparison.Ordinal)
            && l.Contains(" 50060 ", StringComparison.Ordinal)
            && l.Contains("LBNL QubiC", StringComparison.Ordinal)
        );
        Assert.Contains("systemd is not running", result.StdOut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("start", "minimal")]
    [InlineData("stop", "minimal")]
    [InlineData("restart", "minimal")]
    [InlineData("status", "minimal")]
    public async Task SystemdCommands_WithoutSystemd_SayItIsNotRunning(string command, string setup)
    {
        var result = await Manage(
            [command, setup],
            new Dictionary<string, string> { ["LEEQ_EPII_ASSUME_SYSTEMD"] = "no" }
        );

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("systemd is not running", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ValidSetup_EnablesAndStartsItsInstance()
    {
        using var systemctl = new StubCommand("systemctl");

        var result = await Manage(["start", "minimal"], WithSystemd(systemctl));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["enable --now leeq-epii@minimal.service"], systemctl.Calls);
    }

    [Fact]
    public async Task Start_InvalidSetup_FailsBeforeAskingSystemd()
    {
        using var systemctl = new StubCommand("systemctl");
        using var configs = new TempRoot();
        await File.WriteAllTextAsync(Path.Combine(configs.Path, "broken.json"), """{ "setup_type": "simulation" }""");
        var environment = new Dictionary<string, string>(WithSystemd(systemctl))
        {
            ["LEEQ_EPII_CONFIG_DIR"] = configs.Path,
        };

        var result = await Manage(["start", "broken"], environment);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is not valid", result.StdErr, StringComparison.Ordinal);
        Assert.Empty(systemctl.Calls);
    }

    [Fact]
    public async Task StopDisable_StopsThenDisables()
    {
        using var systemctl = new StubCommand("systemctl");

        var result = await Manage(["stop", "minimal", "--disable"], WithSystemd(systemctl));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["stop leeq-epii@minimal.service", "disable leeq-epii@minimal.service"], systemctl.Calls);
    }

    [Fact]
    public async Task StatusAndReload_AskSystemdForTheRightUnits()
    {
        using var systemctl = new StubCommand("systemctl");

        var all = await Manage(["status"], WithSystemd(systemctl));
        var one = await Manage(["reload", "simulation_2q"], WithSystemd(systemctl));

        Assert.True(all.ExitCode == 0 && one.ExitCode == 0, all.ToString() + one);
        Assert.Equal(
            ["status --no-pager leeq-epii@*.service", "reload leeq-epii@simulation_2q.service"],
            systemctl.Calls
        );
    }

    [Fact]
    public async Task Logs_FollowsTheInstanceJournal()
    {
        using var journalctl = new StubCommand("journalctl");

        var result = await Manage(
            ["logs", "simulation_2q", "-f"],
            new Dictionary<string, string> { ["LEEQ_EPII_JOURNALCTL"] = journalctl.Path }
        );

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["-u leeq-epii@simulation_2q.service --no-pager -f"], journalctl.Calls);
    }

    [Theory]
    [InlineData("validate", "../../etc/passwd")]
    [InlineData("start", "minimal.json")]
    [InlineData("frobnicate", "minimal")]
    public async Task Misuse_IsAUsageError(string command, string argument)
    {
        var result = await Manage([command, argument]);

        Assert.Equal(2, result.ExitCode);
        Assert.NotEmpty(result.StdErr);
    }

    private static Dictionary<string, string> WithSystemd(StubCommand systemctl) =>
        new() { ["LEEQ_EPII_ASSUME_SYSTEMD"] = "yes", ["LEEQ_EPII_SYSTEMCTL"] = systemctl.Path };

    private Task<ProcessResult> Manage(string[] args, IReadOnlyDictionary<string, string>? environment = null) =>
        Run.ProgramAsync(
            "bash",
            [_installed.Root["/opt/leeq/scripts/leeq-epii-service.sh"], "--destdir", _installed.Root.Path, .. args],
            environment
        );
}
