using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LeeQ.Epii.Platform.Contracts.Backends;
using LeeQ.Epii.Platform.Contracts.Plugins;
using LeeQ.Epii.Platform.Host.Configuration;
using LeeQ.Epii.Platform.Host.Operations;
using LeeQ.Epii.Platform.Host.Plugins;
using LeeQ.Epii.Platform.Host.Services;
using LeeQ.Epii.Platform.Host.Storage;

namespace LeeQ.Epii.Platform.Host.Cli;

/// <summary>
/// <c>--diagnostic-report</c>: versions, the effective configuration with secrets masked, plugin
/// load results, backend status, state store status and recent run statistics.
/// </summary>
internal static partial class DiagnosticReportCommand
{
    public static async Task<int> RunAsync(
        SetupDefinition setup,
        PluginCatalog catalog,
        IReadOnlyList<IQuantumBackendFactory> factories,
        ILoggerFactory loggerFactory,
        TextWriter output
    )
    {
        var ok = true;
        await output.WriteLineAsync("== LeeQ EPII diagnostic report").ConfigureAwait(false);
        await output
            .WriteLineAsync($"generated: {DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)}")
            .ConfigureAwait(false);
        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync("== Versions").ConfigureAwait(false);
        await output.WriteLineAsync($"host: leeq-epii {HostVersion.Current}").ConfigureAwait(false);
        await output.WriteLineAsync($"contracts: {ContractVersion.Current.ToString(3)}").ConfigureAwait(false);
        await output
            .WriteLineAsync(
                $"runtime: .NET {Environment.Version} on {System.Runtime.InteropServices.RuntimeInformation.OSDescription}"
            )
            .ConfigureAwait(false);
        foreach (var plugin in catalog.Plugins)
        {
            await output
                .WriteLineAsync(
                    $"plugin {plugin.Manifest.Id}: {plugin.Manifest.Version.ToString(3)} (contract {plugin.Manifest.ContractVersion.ToString(3)}) from {plugin.AssemblyPath}"
                )
                .ConfigureAwait(false);
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync("== Plugin load results").ConfigureAwait(false);
        await output.WriteLineAsync($"searched: {string.Join(", ", catalog.Directories)}").ConfigureAwait(false);
        await output
            .WriteLineAsync($"loaded: {catalog.Plugins.Count}, failed: {catalog.Failures.Count}")
            .ConfigureAwait(false);
        foreach (var failure in catalog.Failures)
        {
            await output.WriteLineAsync($"failed: {failure.Path}: {failure.Reason}").ConfigureAwait(false);
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync("== Configuration").ConfigureAwait(false);
        foreach (var problem in setup.Problems)
        {
            await output.WriteLineAsync(problem.ToString()).ConfigureAwait(false);
        }

        if (!setup.IsValid)
        {
            await output
                .WriteLineAsync("the configuration is invalid; nothing else can be checked")
                .ConfigureAwait(false);
            return 1;
        }

        var settings = setup.Settings!;
        await output.WriteLineAsync($"file: {settings.ConfigPath}").ConfigureAwait(false);
        await output
            .WriteLineAsync(
                $"effective settings: {Mask(JsonSerializer.SerializeToNode(settings, SettingsJson.Options)!).ToJsonString(SettingsJson.Options)}"
            )
            .ConfigureAwait(false);
        await output
            .WriteLineAsync($"setup file: {Mask(setup.Document!.DeepClone()).ToJsonString(SettingsJson.Options)}")
            .ConfigureAwait(false);

        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync("== Backend").ConfigureAwait(false);
        var configuration = SetupLoader.ToBackendConfiguration(setup.Document!, settings, loggerFactory);
        var factory = factories.First(f => f.Matches(configuration));
        await output.WriteLineAsync($"factory: {factory.Name}").ConfigureAwait(false);
        try
        {
            await using var backend = await factory
                .CreateAsync(configuration, CancellationToken.None)
                .ConfigureAwait(false);
            var health = await backend.CheckHealthAsync(CancellationToken.None).ConfigureAwait(false);
            await output
                .WriteLineAsync(
                    $"backend: {backend.Info.Kind} '{backend.Info.Name}', {backend.Info.QubitCount} qubits, {backend.MaxConcurrentExecutions} concurrent execution(s)"
                )
                .ConfigureAwait(false);
            foreach (var (key, value) in backend.Info.Properties)
            {
                await output.WriteLineAsync($"  {key}: {value}").ConfigureAwait(false);
            }

            await output
                .WriteLineAsync($"health: {(health.Healthy ? "healthy" : "unhealthy")}: {health.Detail}")
                .ConfigureAwait(false);
            ok &= health.Healthy;
        }
        catch (InvalidOperationException ex)
        {
            await output.WriteLineAsync($"backend: cannot be built: {ex.Message}").ConfigureAwait(false);
            ok = false;
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync("== State store").ConfigureAwait(false);
        ok &= await ReportStoreAsync(configuration.StateDirectory, output).ConfigureAwait(false);
        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync("== Checks").ConfigureAwait(false);
        foreach (var check in new[] { HealthChecks.Disk(configuration.StateDirectory), HealthChecks.Memory() })
        {
            await output.WriteLineAsync(check.ToString()).ConfigureAwait(false);
        }

        return ok ? 0 : 1;
    }

    private static async Task<bool> ReportStoreAsync(string directory, TextWriter output)
    {
        var path = Path.Combine(directory, StateStore.FileName);
        await output.WriteLineAsync($"path: {path}").ConfigureAwait(false);
        if (!File.Exists(path))
        {
            await output
                .WriteLineAsync("status: not created yet (the daemon creates it at its first start)")
                .ConfigureAwait(false);
            return true;
        }

        try
        {
            using var store = StateStore.Open(directory, exclusive: false);
            var parameters = new ParameterStore(store);
            var runs = new RunStore(store, RetentionPolicy.Default);
            var recent = runs.List(1000, null, null);
            await output.WriteLineAsync($"status: ok, {new FileInfo(path).Length / 1024} KiB").ConfigureAwait(false);
            await output
                .WriteLineAsync(
                    $"stored parameter values: {parameters.LoadValues().Count}, journal entries: {parameters.JournalCount()}"
                )
                .ConfigureAwait(false);
            await output.WriteLineAsync($"recent runs (up to 1000): {recent.Count}").ConfigureAwait(false);
            foreach (var group in recent.GroupBy(r => r.Status).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var durations = group
                    .Where(r => r.DurationSeconds is not null)
                    .Select(r => r.DurationSeconds!.Value)
                    .ToList();
                var mean =
                    durations.Count > 0 ? durations.Average().ToString("0.###", CultureInfo.InvariantCulture) : "-";
                await output
                    .WriteLineAsync($"  {group.Key}: {group.Count()} (mean duration {mean} s)")
                    .ConfigureAwait(false);
            }

            if (recent.Count > 0)
            {
                var last = recent[0];
                await output
                    .WriteLineAsync(
                        $"last run: {last.RunId} {last.Experiment} {last.Status} at {last.QueuedAt.ToString("O", CultureInfo.InvariantCulture)}"
                    )
                    .ConfigureAwait(false);
            }

            return true;
        }
        catch (StoreUnavailableException ex)
        {
            await output.WriteLineAsync($"status: unusable: {ex.Message}").ConfigureAwait(false);
            return false;
        }
    }

    /// <summary>Replaces the values of keys that look like secrets with "***".</summary>
    private static JsonNode Mask(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            foreach (var (key, value) in obj.ToList())
            {
                if (SecretKey().IsMatch(key) && value is not null and not JsonObject)
                {
                    obj[key] = "***";
                }
                else if (value is not null)
                {
                    Mask(value);
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                if (item is not null)
                {
                    Mask(item);
                }
            }
        }

        return node;
    }

    [GeneratedRegex("(secret|password|passphrase|token|api_?key|private_?key|key_file)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretKey();
}
