using LeeQ.Epii.Platform.Contracts.Backends;

namespace LeeQ.Epii.Platform.Host.Plugins;

/// <summary>The backend factories of the loaded plugins, resolved the same way the daemon resolves them.</summary>
internal static class PluginFactories
{
    public static IReadOnlyList<IQuantumBackendFactory> Create(PluginCatalog catalog)
    {
        var services = new ServiceCollection().AddLogging().AddPluginContributions(catalog);
        using var provider = services.BuildServiceProvider();
        return [.. provider.GetServices<IQuantumBackendFactory>()];
    }
}
