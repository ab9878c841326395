using System.Diagnostics;

namespace LeeQ.Epii.Platform.Host.FunctionalTests.Infrastructure;

/// <summary>Runs the real executable for command-line tests.</summary>
public static class CliProcess
{
    public static ProcessStartInfo CreateStartInfo(
        IEnumerable<string> args,
        IReadOnlyDictionary<string, string>? environment = null
    )
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        info.ArgumentList.Add(TestPaths.HostAssembly);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (
            var name in info.Environment.Keys.Where(k => k.StartsWith("LEEQ_EPII_", StringComparison.Ordinal)).ToList()
        )
        {
            info.Environment.Remove(name);
        }

        // Every process gets a state directory of its own unless the test shares one on purpose.
        info.Environment["XDG_STATE_HOME"] = Directory.CreateTempSubdirectory("leeq-epii-state-").FullName;
        info.Environment["RUNTIME_DIRECTORY"] = Directory.CreateTempSubdirectory("leeq-epii-run-").FullName;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        return info;
    }

    /// <summary>Runs to completion and returns exit code and combined output.</summary>
    public static async Task<(int ExitCode, string StdOut, string StdErr)> RunAsync(
        IEnumerable<string> args,
        IReadOnlyDictionary<string, string>? environment = null,
        int timeoutSeconds = 120
    )
    {
        using var process = Process.Start(CreateStartInfo(args, environment))
            ?? throw new InvalidOperationException("could not start the host");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Sends SIGTERM, as systemd does on stop.</summary>
    public static void Terminate(Process process)
    {
        using var kill = Process.Start(
            new ProcessStartInfo("kill")
            {
                ArgumentList = { "-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                UseShellExecute = false,
            }
        );
        kill?.WaitForExit();
    }
}
