using System.Diagnostics;

namespace LeeQ.Epii.Platform.Deployment.Tests.Infrastructure;

/// <summary>Runs the deployment scripts and system tools as real processes.</summary>
public static class Run
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>Runs a script from the repository's scripts/ folder with bash.</summary>
    public static Task<ProcessResult> ScriptAsync(
        string script,
        IEnumerable<string> args,
        IReadOnlyDictionary<string, string>? environment = null
    ) => ProgramAsync("bash", [TestPaths.Script(script), .. args], environment);

    /// <summary>Runs any program; LEEQ_EPII_* and DESTDIR from the test runner's environment are removed first.</summary>
    public static async Task<ProcessResult> ProgramAsync(
        string program,
        IEnumerable<string> args,
        IReadOnlyDictionary<string, string>? environment = null
    )
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (
            var name in info
                .Environment.Keys.Where(k => k.StartsWith("LEEQ_EPII_", StringComparison.Ordinal) || k == "DESTDIR")
                .ToList()
        )
        {
            info.Environment.Remove(name);
        }

        // A daemon run without systemd keeps state under XDG_STATE_HOME: never the real home.
        info.Environment["XDG_STATE_HOME"] = Path.Combine(Path.GetTempPath(), "leeq-epii-deployment-tests-state");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {program}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(
                $"{program} {string.Join(' ', args)} did not finish within {Timeout.TotalSeconds} s"
            );
        }

        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Fails the test with the tool's name when a tool the deployment relies on is missing.</summary>
    public static string RequireTool(string name)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "") + ":/usr/sbin:/sbin";
        foreach (var dir in path.Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail(
            $"{name} is not installed; scripts/ci/install-test-tools.sh installs what the deployment tests need"
        );
        return name;
    }
}
