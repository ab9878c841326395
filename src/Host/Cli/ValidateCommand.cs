using LeeQ.Epii.Platform.Host.Configuration;
using LeeQ.Epii.Platform.Host.Plugins;

namespace LeeQ.Epii.Platform.Host.Cli;

/// <summary><c>--validate</c>: prints every problem of the setup file and of the plugins, exits 0 or 1.</summary>
internal static class ValidateCommand
{
    public static int Run(string configPath, SetupDefinition setup, PluginCatalog catalog, TextWriter output)
    {
        output.WriteLine($"Validating {configPath}");
        foreach (var plugin in catalog.Plugins)
        {
            output.WriteLine(
                $"  plugin {plugin.Manifest.Id} {plugin.Manifest.Version.ToString(3)}: loaded from {plugin.Directory}"
            );
        }

        foreach (var failure in catalog.Failures)
        {
            output.WriteLine($"warning: plugin {failure.Path}: {failure.Reason}");
        }

        foreach (var problem in setup.Problems)
        {
            output.WriteLine(problem.ToString());
        }

        var errors = setup.Errors.Count();
        if (setup.IsValid)
        {
            output.WriteLine(
                $"Configuration is valid (setup '{setup.Settings!.SetupName}', {setup.Settings.SetupType}, port {setup.Settings.Port})"
            );
            return 0;
        }

        output.WriteLine($"Configuration is invalid: {errors} error(s)");
        return 1;
    }
}
