using LeeQ.Epii.Platform.Deployment.Tests.Infrastructure;

namespace LeeQ.Epii.Platform.Deployment.Tests;

public sealed class LogrotateTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task Rotation_KeepsTheOldLogAndSignalsInstancesWithoutFailingWhenNoneRun(int systemctlExitCode)
    {
        var logrotate = Run.RequireTool("logrotate");
        using var dir = new TempRoot();
        using var systemctl = new StubCommand("systemctl", systemctlExitCode);
        var logs = Directory.CreateDirectory(Path.Combine(dir.Path, "log")).FullName;
        var systemdMarker = Directory.CreateDirectory(Path.Combine(dir.Path, "run-systemd-system")).FullName;
        await File.WriteAllTextAsync(Path.Combine(logs, "requests.log"), "yesterday\n");
        var configPath = await WriteConfigAsync(dir, logs, systemdMarker);
        var environment = new Dictionary<string, string>
        {
            ["PATH"] = Path.GetDirectoryName(systemctl.Path) + ":" + Environment.GetEnvironmentVariable("PATH"),
        };

        var result = await Run.ProgramAsync(
            logrotate,
            ["-f", "-s", Path.Combine(dir.Path, "state"), configPath],
            environment
        );

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("yesterday\n", await File.ReadAllTextAsync(Path.Combine(logs, "requests.log.1")));
        Assert.Equal("", await File.ReadAllTextAsync(Path.Combine(logs, "requests.log")));
        Assert.Equal("640", (await FileStat.OfAsync(Path.Combine(logs, "requests.log"))).Mode);
        Assert.Equal(["kill --kill-who=main --signal=HUP leeq-epii@*.service"], systemctl.Calls);
    }

    [Fact]
    public async Task Rotation_WithoutSystemd_DoesNotCallSystemctl()
    {
        var logrotate = Run.RequireTool("logrotate");
        using var dir = new TempRoot();
        using var systemctl = new StubCommand("systemctl");
        var logs = Directory.CreateDirectory(Path.Combine(dir.Path, "log")).FullName;
        await File.WriteAllTextAsync(Path.Combine(logs, "requests.log"), "yesterday\n");
        var configPath = await WriteConfigAsync(dir, logs, Path.Combine(dir.Path, "absent"));
        var environment = new Dictionary<string, string>
        {
            ["PATH"] = Path.GetDirectoryName(systemctl.Path) + ":" + Environment.GetEnvironmentVariable("PATH"),
        };

        var result = await Run.ProgramAsync(
            logrotate,
            ["-f", "-s", Path.Combine(dir.Path, "state"), configPath],
            environment
        );

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(Path.Combine(logs, "requests.log.1")));
        Assert.Empty(systemctl.Calls);
    }

    /// <summary>
    /// The shipped file, pointed at a temporary log directory and systemd marker directory;
    /// the account becomes the test's own because the leeq account exists only on installed machines.
    /// </summary>
    private static async Task<string> WriteConfigAsync(TempRoot dir, string logs, string systemdMarker)
    {
        var user = Environment.UserName;
        var config = (await File.ReadAllTextAsync(Path.Combine(TestPaths.ScriptsDirectory, "logrotate", "leeq-epii")))
            .Replace("/var/log/leeq-epii", logs, StringComparison.Ordinal)
            .Replace("/run/systemd/system", systemdMarker, StringComparison.Ordinal)
            .Replace("su leeq leeq", $"su {user} {user}", StringComparison.Ordinal)
            .Replace("create 640 leeq leeq", $"create 640 {user} {user}", StringComparison.Ordinal);
        var path = Path.Combine(dir.Path, "leeq-epii.conf");
        await File.WriteAllTextAsync(path, config);
        return path;
    }
}
