using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using LeeQ.Epii.Platform.Deployment.Tests.Infrastructure;

namespace LeeQ.Epii.Platform.Deployment.Tests;

/// <summary>
/// Starts the installed daemon the way the unit does, without systemd: the unit's own
/// ExecStart and Environment, the leeq account's ids, the working directory and the
/// directory variables systemd would pass. As leeq, the daemon can write only the
/// directories systemd would make writable, so a daemon that writes anywhere else (its
/// working directory, /opt/leeq) fails here as it would under ProtectSystem=strict.
/// </summary>
public sealed class UnitEmulationTests
{
    [Fact]
    public async Task InstalledDaemon_StartedAsTheUnitDoes_ServesItsOwnPortAndStopsCleanlyOnSigterm()
    {
        Assert.True(Installer.RunningAsRoot, "this test switches to the leeq account's ids and needs root");
        using var root = new TempRoot();
        File.SetUnixFileMode(root.Path, (UnixFileMode)0b111_101_101);
        await Installer.InstallOrFailAsync(root);
        var (uid, gid) = Accounts.ServiceAccount(root);
        var port = FreePort();
        // Loopback only: the test must not listen on the machine's other interfaces.
        var setup = (await File.ReadAllTextAsync(TestPaths.Config("minimal.json")))
            .Replace("\"port\": 50070", $"\"port\": {port},\n  \"bind_address\": \"127.0.0.1\"", StringComparison.Ordinal);
        await File.WriteAllTextAsync(root["/etc/leeq-epii/emulated.json"], setup);
        var runtime = Directory.CreateDirectory(root["/run/leeq-epii"]).FullName;
        await Run.ProgramAsync("chown", [$"{uid}:{gid}", runtime]);
        var before = await FileStat.SnapshotAsync(root.Path);

        var unit = new UnitFile(TestPaths.UnitFile);
        var execStart = unit.Single("Service", "ExecStart").Replace("%i", "emulated", StringComparison.Ordinal).Split(' ');
        var info = new ProcessStartInfo("setpriv")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root[unit.Single("Service", "WorkingDirectory")],
        };
        foreach (var arg in (string[])[$"--reuid={uid}", $"--regid={gid}", "--clear-groups", "--"])
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var arg in execStart)
        {
            info.ArgumentList.Add(arg.StartsWith('/') ? root[arg] : arg);
        }

        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("LEEQ_EPII_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(name);
        }

        foreach (var assignment in unit.All("Service", "Environment"))
        {
            var eq = assignment.IndexOf('=', StringComparison.Ordinal);
            var (key, value) = (assignment[..eq], assignment[(eq + 1)..]);
            info.Environment[key] = value.StartsWith('/') ? root[value] : value;
        }

        info.Environment["HOME"] = root["/opt/leeq"];
        info.Environment["USER"] = "leeq";
        info.Environment["STATE_DIRECTORY"] = root["/var/lib/leeq-epii"];
        info.Environment["RUNTIME_DIRECTORY"] = runtime;
        info.Environment["LOGS_DIRECTORY"] = root["/var/log/leeq-epii"];
        info.Environment["CACHE_DIRECTORY"] = root["/var/cache/leeq-epii"];
        info.Environment["CONFIGURATION_DIRECTORY"] = root["/etc/leeq-epii"];
        info.Environment["INVOCATION_ID"] = Guid.NewGuid().ToString("N");
        using var notifyDirectory = new TempRoot();
        File.SetUnixFileMode(notifyDirectory.Path, (UnixFileMode)0b111_101_101);
        using var notify = new NotifySocket(notifyDirectory.Path);
        info.Environment["NOTIFY_SOCKET"] = notify.Path;

        using var daemon = Process.Start(info) ?? throw new InvalidOperationException("could not start the daemon");
        var stdout = daemon.StandardOutput.ReadToEndAsync();
        var stderr = daemon.StandardError.ReadToEndAsync();
        try
        {
            var serving = await WaitForPortAsync(port, daemon, TimeSpan.FromSeconds(60));
            if (!serving)
            {
                Assert.Fail($"the daemon did not listen on {port}:\n{await Finish(daemon, stdout, stderr)}");
            }

            var stopSeconds = unit.Single("Service", "TimeoutStopSec").TrimEnd('s');
            var stopTimeout = TimeSpan.FromSeconds(double.Parse(stopSeconds, CultureInfo.InvariantCulture));
            using var kill = Process.Start("kill", ["-TERM", daemon.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
            using var cts = new CancellationTokenSource(stopTimeout);
            await daemon.WaitForExitAsync(cts.Token);
        }
        finally
        {
            if (!daemon.HasExited)
            {
                daemon.Kill(entireProcessTree: true);
            }
        }

        var output = await Finish(daemon, stdout, stderr);
        Assert.True(daemon.ExitCode == 0, $"exit {daemon.ExitCode} after SIGTERM:\n{output}");
        var messages = notify.Received;
        if (messages.Count > 0)
        {
            // Type=notify: systemd takes the instance as started on READY=1.
            Assert.True(messages.Any(m => m.Split('\n').Contains("READY=1")), $"notifications without READY=1: {string.Join(" | ", messages)}");
        }

        string[] writable = ["var/lib/leeq-epii", "run/leeq-epii", "var/log/leeq-epii", "var/cache/leeq-epii"];
        var written = (await FileStat.SnapshotAsync(root.Path)).Except(before)
            .Select(line => line.Split(' ')[0])
            .Where(path => !writable.Any(w => path.StartsWith(w, StringComparison.Ordinal)))
            .ToList();
        Assert.True(written.Count == 0, $"the daemon wrote outside its systemd directories: {string.Join(", ", written)}\n{output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> WaitForPortAsync(int port, Process daemon, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !daemon.HasExited)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(200);
            }
        }

        return false;
    }

    private static async Task<string> Finish(Process daemon, Task<string> stdout, Task<string> stderr)
    {
        if (!daemon.HasExited)
        {
            daemon.Kill(entireProcessTree: true);
        }

        await daemon.WaitForExitAsync();
        return $"--- stdout ---\n{await stdout}\n--- stderr ---\n{await stderr}";
    }
}
