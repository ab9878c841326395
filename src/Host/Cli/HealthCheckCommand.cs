using LeeQ.Epii.Platform.Host.Configuration;
using LeeQ.Epii.Platform.Host.Operations;
using LeeQ.Epii.Platform.Host.Plugins;

namespace LeeQ.Epii.Platform.Host.Cli;

/// <summary>
/// <c>--health-check</c>: configuration, plugins, disk, memory, state directory and port, one line
/// each. When the port is taken, the daemon behind it is asked over grpc.health.v1 instead.
/// </summary>
internal static class HealthCheckCommand
{
    public static async Task<int> RunAsync(SetupDefinition setup, PluginCatalog catalog, TextWriter output)
    {
        var results = new List<CheckResult> { HealthChecks.Configuration(setup), HealthChecks.Plugins(catalog) };
        if (setup.IsValid)
        {
            var settings = setup.Settings!;
            var stateDirectory = SetupLoader
                .ToBackendConfiguration(
                    setup.Document!,
                    settings,
                    Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance
                )
                .StateDirectory;
            results.Add(HealthChecks.Disk(stateDirectory));
            results.Add(HealthChecks.Memory());
            results.Add(HealthChecks.StateWritable(stateDirectory));
            var port = HealthChecks.PortFree(settings);
            if (port.Passed)
            {
                results.Add(port);
            }
            else
            {
                var daemon = await HealthChecks.RunningDaemonAsync(settings).ConfigureAwait(false);
                results.Add(
                    daemon.Passed
                        ? port with
                        {
                            Passed = true,
                            Detail = $"port {settings.Port} is in use by the running daemon",
                        }
                        : port
                );
                results.Add(daemon);
            }
        }

        foreach (var result in results)
        {
            await output.WriteLineAsync(result.ToString()).ConfigureAwait(false);
        }

        var failed = results.Count(r => !r.Passed);
        await output
            .WriteLineAsync(failed == 0 ? "All health checks passed" : $"{failed} health check(s) failed")
            .ConfigureAwait(false);
        return failed == 0 ? 0 : 1;
    }
}
