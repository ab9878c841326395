using LeeQ.Epii.Platform.Contracts.Plugins;

namespace LeeQ.Epii.TestPlugins.Incompatible;

/// <summary>A plugin that claims a future major contract version; the host must refuse it.</summary>
public sealed class IncompatiblePlugin : IEpiiPlugin
{
    public PluginManifest Manifest { get; } =
        new(
            "test.incompatible",
            new Version(0, 1, 0),
            new Version(ContractVersion.Current.Major + 1, 0, 0),
            "Targets a contract the host does not implement."
        );
}
