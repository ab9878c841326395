using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using LeeQ.Epii.Platform.Deployment.Tests.Infrastructure;

namespace LeeQ.Epii.Platform.Deployment.Tests;

/// <summary>
/// Starts the installed daemon the way the unit does, without systemd: the unit's own
/// ExecStart, Environment and WorkingDirectory, the leeq account's ids, the directory
/// variables and the notify socket systemd passes, and a parent process named systemd (the
/// daemon recognises the service manager by its parent's name). As leeq, the daemon can
/// write only the directories systemd would make writable, so a daemon that writes anywhere
/// else (its working directory, /opt/leeq) fails here as it would under ProtectSystem=strict.
/// </summary>
public sealed class UnitEmulationTests
{
    private static readonly string[] Writable =
    [
        "var/lib/leeq-epii",
        "run/leeq-epii",
        "var/log/leeq-epii",
        "var/cache/leeq-epii",
    ];

    [Fact]
    public async Task InstalledDaemon_StartedAsTheUnitDoes_NotifiesReloadsAndStopsWithinTheUnitsLimits()
    {
        Assert.True(Installer.RunningAsRoot, "this test switches to the leeq account's ids and needs root");
        using var root = new TempRoot();
        using var manager = new TempRoot();
        File.SetUnixFileMode(root.Path, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(manager.Path, (UnixFileMode)0b111_101_101);
        await Installer.InstallOrFailAsync(root);
        var (uid, gid) = Accounts.ServiceAccount(root);
        var port = FreePort();
        // Loopback only: the test must not listen on the machine's other interfaces.
        var setup = (await File.ReadAllTextAsync(TestPaths.Config("minimal.json"))).Replace(
            "\"port\": 50070",
            $"\"port\": {port},\n  \"bind_address\": \"127.0.0.1\"",
            StringComparison.Ordinal
        );
        await File.WriteAllTextAsync(root["/etc/leeq-epii/emulated.json"], setup);
        var runtime = Directory.CreateDirectory(root["/run/leeq-epii"]).FullName;
        await Run.ProgramAsync("chown", [$"{uid}:{gid}", runtime]);
        using var notify = new NotifySocket(manager.Path);
        var unit = new UnitFile(TestPaths.UnitFile);
        var before = await FileStat.SnapshotAsync(root.Path);

        using var service = Process.Start(StartInfo(root, manager, unit, uid, gid, notify.Path))
            ?? throw new InvalidOperationException("could not start the daemon");
        var stdout = service.StandardOutput.ReadToEndAsync();
        var stderr = service.StandardError.ReadToEndAsync();
        int pid;
        bool servingAtReady,
            aliveAfterHangup;
        try
        {
            var ready = await WaitAsync(
                () => notify.Received.Any(IsReady) || service.HasExited,
                TimeSpan.FromSeconds(60)
            );
            if (!ready || service.HasExited)
            {
                Assert.Fail($"no READY=1 on the notify socket:\n{await Finish(service, stdout, stderr)}");
            }

            servingAtReady = await ConnectsAsync(port);
            var pidFile = root["/run/leeq-epii/leeq-epii-minimal.pid"];
            if (!File.Exists(pidFile))
            {
                Assert.Fail($"no PID file in the runtime directory:\n{await Finish(service, stdout, stderr)}");
            }

            pid = int.Parse((await File.ReadAllTextAsync(pidFile)).Trim(), CultureInfo.InvariantCulture);

            await SignalAsync("HUP", pid);
            await Task.Delay(TimeSpan.FromSeconds(1));
            aliveAfterHangup = !service.HasExited && await ConnectsAsync(port);

            await SignalAsync("TERM", pid);
            var stopTimeout = TimeSpan.FromSeconds(
                double.Parse(unit.Single("Service", "TimeoutStopSec").TrimEnd('s'), CultureInfo.InvariantCulture)
            );
            using var cts = new CancellationTokenSource(stopTimeout);
            await service.WaitForExitAsync(cts.Token);
        }
        finally
        {
            if (!service.HasExited)
            {
                service.Kill(entireProcessTree: true);
            }
        }

        var output = await Finish(service, stdout, stderr);
        Assert.True(servingAtReady, $"READY=1 came before the daemon listened on {port}:\n{output}");
        Assert.True(aliveAfterHangup, $"SIGHUP (the unit's ExecReload) stopped the daemon:\n{output}");
        Assert.True(service.ExitCode == 0, $"exit {service.ExitCode} after SIGTERM:\n{output}");
        Assert.Contains(notify.Received, m => m.Split('\n').Contains("STOPPING=1"));
        Assert.False(
            File.Exists(root["/run/leeq-epii/leeq-epii-minimal.pid"]),
            $"the PID file of {pid} survived a clean stop"
        );
        var written = (await FileStat.SnapshotAsync(root.Path))
            .Except(before)
            .Select(line => line.Split(' ')[0])
            .Where(path => !Writable.Any(w => path.StartsWith(w, StringComparison.Ordinal)))
            .ToList();
        Assert.True(
            written.Count == 0,
            $"the daemon wrote outside its systemd directories: {string.Join(", ", written)}\n{output}"
        );
    }

    /// <summary>The unit's command under a stand-in manager named systemd, as leeq, in the unit's environment.</summary>
    private static ProcessStartInfo StartInfo(
        TempRoot root,
        TempRoot manager,
        UnitFile unit,
        int uid,
        int gid,
        string notifySocket
    )
    {
        var systemd = Path.Combine(manager.Path, "systemd");
        File.WriteAllText(
            systemd,
            "#!/bin/sh\n# The daemon's parent, named like the service manager.\n\"$@\" &\nwait $!\n"
        );
        File.SetUnixFileMode(systemd, (UnixFileMode)0b111_101_101);
        var info = new ProcessStartInfo(systemd)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root[unit.Single("Service", "WorkingDirectory")],
        };
        string[] prefix = ["setpriv", $"--reuid={uid}", $"--regid={gid}", "--clear-groups", "--"];
        var command = unit.Single("Service", "ExecStart")
            .Replace("%i", "emulated", StringComparison.Ordinal)
            .Split(' ');
        foreach (var arg in prefix.Concat(command.Select(a => a.StartsWith('/') ? root[a] : a)))
        {
            info.ArgumentList.Add(arg);
        }

        foreach (
            var name in info.Environment.Keys.Where(k => k.StartsWith("LEEQ_EPII_", StringComparison.Ordinal)).ToList()
        )
        {
            info.Environment.Remove(name);
        }

        foreach (var assignment in unit.All("Service", "Environment"))
        {
            var eq = assignment.IndexOf('=', StringComparison.Ordinal);
            var value = assignment[(eq + 1)..];
            info.Environment[assignment[..eq]] = value.StartsWith('/') ? root[value] : value;
        }

        info.Environment["HOME"] = root["/opt/leeq"];
        info.Environment["USER"] = "leeq";
        info.Environment["STATE_DIRECTORY"] = root["/var/lib/leeq-epii"];
        info.Environment["RUNTIME_DIRECTORY"] = root["/run/leeq-epii"];
        info.Environment["LOGS_DIRECTORY"] = root["/var/log/leeq-epii"];
        info.Environment["CACHE_DIRECTORY"] = root["/var/cache/leeq-epii"];
        info.Environment["CONFIGURATION_DIRECTORY"] = root["/etc/leeq-epii"];
        info.Environment["INVOCATION_ID"] = Guid.NewGuid().ToString("N");
        info.Environment["NOTIFY_SOCKET"] = notifySocket;
        return info;
    }

    private static bool IsReady(string message) => message.Split('\n').Contains("READY=1");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> WaitAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }

    private static async Task<bool> ConnectsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task SignalAsync(string signal, int pid)
    {
        var result = await Run.ProgramAsync("kill", [$"-{signal}", pid.ToString(CultureInfo.InvariantCulture)]);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    private static async Task<string> Finish(Process service, Task<string> stdout, Task<string> stderr)
    {
        if (!service.HasExited)
        {
            service.Kill(entireProcessTree: true);
        }

        await service.WaitForExitAsync();
        return $"--- stdout ---\n{await stdout}\n--- stderr ---\n{await stderr}";
    }
}
