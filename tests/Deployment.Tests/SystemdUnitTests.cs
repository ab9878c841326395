using System.Globalization;
using System.Text.Json.Nodes;
using LeeQ.Epii.Platform.Deployment.Tests.Infrastructure;

namespace LeeQ.Epii.Platform.Deployment.Tests;

public sealed class SystemdUnitTests
{
    private readonly UnitFile _unit = new(TestPaths.UnitFile);

    [Fact]
    public async Task Verify_RepositoryUnit_IsAcceptedBySystemdAnalyze()
    {
        Run.RequireTool("systemd-analyze");

        var result = await Run.ScriptAsync("verify-systemd-unit.sh", []);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(
            "systemd-analyze verify accepts leeq-epii@simulation_2q.service",
            result.StdOut,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task Verify_InstalledUnitWithItsRealExecutable_IsAccepted()
    {
        Run.RequireTool("systemd-analyze");
        using var root = new TempRoot();
        await Installer.InstallOrFailAsync(root);

        var result = await Run.ScriptAsync("verify-systemd-unit.sh", ["--destdir", root.Path, "--instance", "minimal"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("installed executable", result.StdOut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TimeoutStopSec=40", "TimeoutStopSec=forty")]
    [InlineData("Type=notify", "Type=notify\nProtectSystm=strict")]
    [InlineData("ExecStart=/opt/leeq/bin/leeq-epii", "ExecStart=/opt/leeq/bin/leeq-epiii")]
    public async Task Verify_BrokenUnit_IsRejected(string original, string broken)
    {
        Run.RequireTool("systemd-analyze");
        using var scratch = new TempRoot();
        var unit = Path.Combine(scratch.Path, "leeq-epii@.service");
        var text = await File.ReadAllTextAsync(TestPaths.UnitFile);
        Assert.Contains(original, text, StringComparison.Ordinal);
        await File.WriteAllTextAsync(unit, text.Replace(original, broken, StringComparison.Ordinal));

        var result = await Run.ScriptAsync("verify-systemd-unit.sh", ["--unit", unit]);

        Assert.True(result.ExitCode == 1, result.ToString());
    }

    [Fact]
    public void Unit_StartsTheInstalledExecutableForTheInstanceSetup_AsNotifyServiceOfLeeq()
    {
        Assert.Equal("notify", _unit.Single("Service", "Type"));
        Assert.Equal("leeq", _unit.Single("Service", "User"));
        Assert.Equal("leeq", _unit.Single("Service", "Group"));
        Assert.Equal("/opt/leeq/bin/leeq-epii --config /etc/leeq-epii/%i.json", _unit.Single("Service", "ExecStart"));
        Assert.Equal("/bin/kill -HUP $MAINPID", _unit.Single("Service", "ExecReload"));
        Assert.Contains("LEEQ_EPII_CONFIG_DIR=/etc/leeq-epii", _unit.All("Service", "Environment"));
        Assert.DoesNotContain(_unit.All("Service", "Environment"), e =>
            e.Contains("PYTHONPATH", StringComparison.Ordinal)
        );
        Assert.Equal("multi-user.target", _unit.Single("Install", "WantedBy"));
    }

    [Fact]
    public void Unit_KeepsStatePidAndLogsInSystemdDirectories_AndNothingWritableUnderOpt()
    {
        Assert.Equal("leeq-epii", _unit.Single("Service", "StateDirectory"));
        Assert.Equal("leeq-epii", _unit.Single("Service", "RuntimeDirectory"));
        Assert.Equal("leeq-epii", _unit.Single("Service", "LogsDirectory"));
        Assert.Equal("strict", _unit.Single("Service", "ProtectSystem"));
        Assert.Equal("journal", _unit.Single("Service", "StandardOutput"));
        Assert.False(_unit.Single("Service", "WorkingDirectory").StartsWith("/opt", StringComparison.Ordinal));
        Assert.DoesNotContain(_unit.All("Service", "ReadWritePaths"), p =>
            p.Contains("/opt", StringComparison.Ordinal)
        );
        Assert.False(_unit.Has("Service", "MemoryDenyWriteExecute"), "the .NET JIT needs writable-executable memory");
        Assert.Equal("invisible", _unit.Single("Service", "ProtectProc"));
    }

    [Fact]
    public void Unit_RestartsOnFailureOnlyAndNeverBindsAFixedPort()
    {
        Assert.Equal("on-failure", _unit.Single("Service", "Restart"));
        var restartSec = Seconds(_unit.Single("Service", "RestartSec"));
        Assert.InRange(restartSec, 1, 60);
        Assert.DoesNotContain("--port", _unit.Single("Service", "ExecStart"), StringComparison.Ordinal);
        Assert.DoesNotContain(_unit.All("Service", "Environment"), e =>
            e.StartsWith("LEEQ_EPII_PORT", StringComparison.Ordinal)
        );
    }

    [Fact]
    public void Unit_StopTimeout_OutlastsTheDaemonsGraceInEverySample()
    {
        var stop = Seconds(_unit.Single("Service", "TimeoutStopSec"));
        var graces = Directory
            .GetFiles(Path.Combine(TestPaths.RepositoryRoot, "configs", "epii"), "*.json")
            .Select(f => JsonNode.Parse(File.ReadAllText(f))!["shutdown"]?["grace_period"]?.GetValue<double>() ?? 25.0);

        Assert.All(graces, grace =>
            Assert.True(
                stop >= grace + 10,
                $"TimeoutStopSec {stop} s leaves less than 10 s beyond a grace of {grace} s"
            )
        );
    }

    private static double Seconds(string value) =>
        value.EndsWith('s')
            ? double.Parse(value[..^1], CultureInfo.InvariantCulture)
            : double.Parse(value, CultureInfo.InvariantCulture);
}
