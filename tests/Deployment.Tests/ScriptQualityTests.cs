using LeeQ.Epii.Platform.Deployment.Tests.Infrastructure;

namespace LeeQ.Epii.Platform.Deployment.Tests;

public sealed class ScriptQualityTests
{
    public static TheoryData<string> Scripts() =>
        [
            "install-systemd-service.sh",
            "uninstall-systemd-service.sh",
            "leeq-epii-service.sh",
            "backup-leeq-epii.sh",
            "restore-leeq-epii.sh",
            "verify-systemd-unit.sh",
            "ci/install-test-tools.sh",
        ];

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task Help_ExitsZeroWithUsage(string script)
    {
        var result = await Run.ScriptAsync(script, ["--help"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("Usage: ", result.StdOut, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task Script_IsStrictAndExecutable(string script)
    {
        var path = TestPaths.Script(script);
        var lines = await File.ReadAllLinesAsync(path);

        Assert.Equal("#!/usr/bin/env bash", lines[0]);
        Assert.Contains("set -euo pipefail", lines);
        Assert.True((File.GetUnixFileMode(path) & UnixFileMode.UserExecute) != 0, $"{script} is not executable");
    }

    [Fact]
    public async Task Shellcheck_FindsNothing()
    {
        var shellcheck = Run.RequireTool("shellcheck");
        var scripts = Directory
            .GetFiles(TestPaths.ScriptsDirectory, "*.sh", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToArray();

        var result = await Run.ProgramAsync(shellcheck, ["-x", "--severity=style", .. scripts]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(scripts.Length >= 8, $"only {scripts.Length} scripts found");
    }
}
