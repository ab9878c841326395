using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Grpc.Health.V1;
using Grpc.Net.Client;
using LeeQ.Epii.Platform.Host.Configuration;
using LeeQ.Epii.Platform.Host.Plugins;

namespace LeeQ.Epii.Platform.Host.Operations;

/// <summary>The checks run at start-up and by <c>--health-check</c>.</summary>
internal static class HealthChecks
{
    public const long MinimumFreeDiskBytes = 100L * 1024 * 1024;
    public const long MinimumAvailableMemoryBytes = 100L * 1024 * 1024;

    public static CheckResult Configuration(SetupDefinition setup) =>
        setup.IsValid
            ? new CheckResult(
                "configuration",
                true,
                $"setup '{setup.Settings!.SetupName}' is valid ({setup.Warnings.Count()} warning(s))"
            )
            : new CheckResult(
                "configuration",
                false,
                $"{setup.Errors.Count()} error(s), first: {setup.Errors.First()}"
            );

    public static CheckResult Plugins(PluginCatalog catalog) =>
        catalog.Failures.Count == 0
            ? new CheckResult(
                "plugins",
                true,
                $"{catalog.Plugins.Count} loaded: {string.Join(", ", catalog.Plugins.Select(p => p.Manifest.Id))}"
            )
            : new CheckResult(
                "plugins",
                false,
                string.Join("; ", catalog.Failures.Select(f => $"{f.Path}: {f.Reason}"))
            );

    public static CheckResult Disk(string stateDirectory)
    {
        var existing = stateDirectory;
        while (!Directory.Exists(existing) && Path.GetDirectoryName(existing) is { } parent)
        {
            existing = parent;
        }

        var free = new DriveInfo(existing).AvailableFreeSpace;
        return new CheckResult(
            "disk",
            free >= MinimumFreeDiskBytes,
            $"{Megabytes(free)} MB free at {existing} (at least {Megabytes(MinimumFreeDiskBytes)} MB needed)"
        );
    }

    public static CheckResult Memory()
    {
        var available = AvailableMemoryBytes();
        return available is null
            ? new CheckResult("memory", true, "available memory unknown (/proc/meminfo unreadable); not checked")
            : new CheckResult(
                "memory",
                available >= MinimumAvailableMemoryBytes,
                $"{Megabytes(available.Value)} MB available (at least {Megabytes(MinimumAvailableMemoryBytes)} MB needed)"
            );
    }

    public static CheckResult StateWritable(string stateDirectory)
    {
        try
        {
            Directory.CreateDirectory(stateDirectory);
            var probe = Path.Combine(
                stateDirectory,
                $".write-probe-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}"
            );
            File.WriteAllText(probe, "probe");
            File.Delete(probe);
            return new CheckResult("state directory", true, $"{stateDirectory} is writable");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new CheckResult("state directory", false, $"{stateDirectory} is not writable: {ex.Message}");
        }
    }

    public static CheckResult PortFree(HostSettings settings)
    {
        if (settings.Port == 0)
        {
            return new CheckResult("port", true, "port 0: the system picks a free port");
        }

        try
        {
            using var listener = new TcpListener(ParseAddress(settings.BindAddress), settings.Port);
            listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, false);
            listener.Start();
            listener.Stop();
            return new CheckResult("port", true, $"port {settings.Port} is free on {settings.BindAddress}");
        }
        catch (SocketException ex)
        {
            return new CheckResult(
                "port",
                false,
                $"port {settings.Port} on {settings.BindAddress} is not available ({ex.SocketErrorCode}); another daemon may be using it"
            );
        }
    }

    /// <summary>Asks a daemon on the setup's port over grpc.health.v1.</summary>
    public static async Task<CheckResult> RunningDaemonAsync(HostSettings settings)
    {
        var host = settings.BindAddress is "::" or "0.0.0.0" ? "127.0.0.1" : settings.BindAddress;
        if (host.Contains(':', StringComparison.Ordinal))
        {
            host = $"[{host}]";
        }

        using var channel = GrpcChannel.ForAddress(
            $"http://{host}:{settings.Port.ToString(CultureInfo.InvariantCulture)}"
        );
        try
        {
            var reply = await new Health.HealthClient(channel)
                .CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(5))
                .ConfigureAwait(false);
            return new CheckResult(
                "running daemon",
                reply.Status == HealthCheckResponse.Types.ServingStatus.Serving,
                $"port {settings.Port} answers grpc.health.v1: {reply.Status}"
            );
        }
        catch (Grpc.Core.RpcException ex)
        {
            return new CheckResult(
                "running daemon",
                false,
                $"port {settings.Port} is in use but does not answer grpc.health.v1 ({ex.StatusCode})"
            );
        }
    }

    private static IPAddress ParseAddress(string address) =>
        address switch
        {
            "::" => IPAddress.IPv6Any,
            "0.0.0.0" => IPAddress.Any,
            _ => IPAddress.Parse(address),
        };

    private static long? AvailableMemoryBytes()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/meminfo"))
            {
                if (line.StartsWith("MemAvailable:", StringComparison.Ordinal))
                {
                    var kb = long.Parse(
                        line["MemAvailable:".Length..].Trim().Split(' ')[0],
                        CultureInfo.InvariantCulture
                    );
                    return kb * 1024;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }

        return null;
    }

    private static string Megabytes(long bytes) => (bytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture);
}
