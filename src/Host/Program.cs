using LeeQ.Epii.Platform.Host;
using LeeQ.Epii.Platform.Host.Cli;
using LeeQ.Epii.Platform.Host.Configuration;
using LeeQ.Epii.Platform.Host.Logging;
using LeeQ.Epii.Platform.Host.Operations;
using LeeQ.Epii.Platform.Host.Plugins;
using LeeQ.Epii.Platform.Host.Services;
using Serilog.Core;
using Serilog.Extensions.Logging;

var stdout = Console.Out;
var options = CommandLineParser.Parse(args, out var usageError);
if (options is null)
{
    await Console.Error.WriteLineAsync($"leeq-epii: {usageError}");
    return 2;
}

if (options.Help)
{
    await stdout.WriteLineAsync(CommandLineParser.Usage);
    return 0;
}

if (options.Version)
{
    await stdout.WriteLineAsync(
        $"leeq-epii {HostVersion.Current} (contract {LeeQ.Epii.Platform.Contracts.Plugins.ContractVersion.Current.ToString(3)}, .NET {Environment.Version})"
    );
    return 0;
}

if (options.HashApiKey)
{
    var key = (await Console.In.ReadLineAsync())?.Trim();
    if (string.IsNullOrEmpty(key))
    {
        await Console.Error.WriteLineAsync(
            "leeq-epii: --hash-api-key reads the key from standard input; none was given"
        );
        return 2;
    }

    await stdout.WriteLineAsync(LeeQ.Epii.Platform.Host.Security.ApiKeyAuthenticationMiddleware.Hash(key));
    return 0;
}

var environment = HostEnvironment.FromProcess();
var levelSwitch = new LoggingLevelSwitch(
    LogLevels.Parse(options.LogLevel ?? environment.LogLevel) ?? Serilog.Events.LogEventLevel.Information
);
using var serilog = LoggingSetup.Create(levelSwitch);
using var loggerFactory = new SerilogLoggerFactory(serilog);
var logger = loggerFactory.CreateLogger("LeeQ.Epii.Host");
try
{
    var configPath = environment.ResolveConfigPath(options.Config!);
    var catalog = PluginCatalog.Discover([
        PluginCatalog.DefaultDirectory,
        .. environment.PluginDirectories,
        .. options.PluginDirectories,
    ]);
    var factories = PluginFactories.Create(catalog);
    var setup = await SetupLoader.LoadAsync(configPath, options, environment, catalog, factories, loggerFactory);
    if (options.Validate)
    {
        return ValidateCommand.Run(configPath, setup, catalog, stdout);
    }

    if (options.HealthCheck)
    {
        return await HealthCheckCommand.RunAsync(setup, catalog, stdout);
    }

    if (options.DiagnosticReport)
    {
        return await DiagnosticReportCommand.RunAsync(setup, catalog, factories, loggerFactory, stdout);
    }

    foreach (var failure in catalog.Failures)
    {
        HostLog.PluginLoadFailed(logger, failure.Path, failure.Reason);
    }

    foreach (var warning in setup.Warnings)
    {
        HostLog.ConfigWarning(logger, warning.Location, warning.Message);
    }

    if (!setup.IsValid)
    {
        foreach (var error in setup.Errors)
        {
            HostLog.ConfigError(logger, error.Location, error.Message);
        }

        HostLog.StartupFailed(logger, $"{configPath} is not valid (run with --validate to list every problem)");
        return 1;
    }

    levelSwitch.MinimumLevel = setup.Settings!.LogLevel;
    HostLog.Starting(logger, HostVersion.Current, setup.Settings.SetupName, configPath);
    foreach (var plugin in catalog.Plugins)
    {
        HostLog.PluginLoaded(logger, plugin.Manifest.Id, plugin.Manifest.Version.ToString(3), plugin.AssemblyPath);
    }

    await using var app = Daemon.Build(setup, catalog, options, serilog);
    if (options.TestExperiment is { } experiment)
    {
        return await TestExperimentCommand.RunAsync(app.Services, experiment, stdout);
    }

    var reloader = new ConfigReloader(options, catalog, factories, levelSwitch, setup.Settings, logger);
    return await Daemon.RunAsync(app, setup, options, reloader, logger);
}
catch (Exception ex)
{
    HostLog.StartupFailed(logger, $"{ex.GetType().Name}: {ex.Message}");
    return 1;
}
