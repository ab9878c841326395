using LeeQ.Epii.Platform.Contracts.Backends;
using LeeQ.Epii.Platform.Host.Cli;
using LeeQ.Epii.Platform.Host.Configuration;
using LeeQ.Epii.Platform.Host.Logging;
using LeeQ.Epii.Platform.Host.Plugins;
using Serilog.Core;

namespace LeeQ.Epii.Platform.Host.Operations;

/// <summary>
/// SIGHUP: re-reads the setup file (and the environment), applies what can change while
/// running — the log level — and logs each other change as needing a restart.
/// </summary>
internal sealed class ConfigReloader(
    CommandLineOptions options,
    PluginCatalog catalog,
    IReadOnlyList<IQuantumBackendFactory> factories,
    LoggingLevelSwitch level,
    HostSettings running,
    ILogger logger
)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Values are equal, lists element by element.</summary>
    private static bool SameValue(object? a, object? b) =>
        a is System.Collections.IEnumerable x and not string && b is System.Collections.IEnumerable y and not string
            ? x.Cast<object?>().SequenceEqual(y.Cast<object?>())
            : Equals(a, b);

    public async Task ReloadAsync()
    {
        if (!await _gate.WaitAsync(0).ConfigureAwait(false))
        {
            return;
        }

        try
        {
            var setup = await SetupLoader
                .LoadAsync(running.ConfigPath, options, HostEnvironment.FromProcess(), catalog, factories)
                .ConfigureAwait(false);
            if (!setup.IsValid)
            {
                HostLog.ReloadRejected(
                    logger,
                    running.ConfigPath,
                    string.Join("; ", setup.Errors.Select(e => e.ToString()))
                );
                return;
            }

            var next = setup.Settings!;
            if (next.LogLevel != level.MinimumLevel)
            {
                HostLog.ReloadApplied(logger, "log level", level.MinimumLevel.ToString(), next.LogLevel.ToString());
                level.MinimumLevel = next.LogLevel;
            }

            var needRestart = typeof(HostSettings)
                .GetProperties()
                .Where(p =>
                    p.Name != nameof(HostSettings.LogLevel) && !SameValue(p.GetValue(running), p.GetValue(next))
                )
                .Select(p => p.Name)
                .ToList();
            HostLog.ReloadDone(
                logger,
                needRestart.Count == 0
                    ? "nothing else changed"
                    : $"changed but only applied after a restart: {string.Join(", ", needRestart)}"
            );
        }
        finally
        {
            _gate.Release();
        }
    }
}
