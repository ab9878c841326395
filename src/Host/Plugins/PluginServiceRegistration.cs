using LeeQ.Epii.Platform.Contracts.Backends;
using LeeQ.Epii.Platform.Contracts.Experiments;

namespace LeeQ.Epii.Platform.Host.Plugins;

/// <summary>Registers what plugins contribute, by scanning their assemblies.</summary>
internal static class PluginServiceRegistration
{
    public static IServiceCollection AddPluginContributions(this IServiceCollection services, PluginCatalog catalog)
    {
        services.AddSingleton(catalog);
        foreach (var plugin in catalog.Plugins)
        {
            services.Scan(scan =>
                scan.FromAssemblies(plugin.Assembly)
                    .AddClasses(classes => classes.AssignableTo<IQuantumBackendFactory>())
                    .As<IQuantumBackendFactory>()
                    .WithSingletonLifetime()
                    .AddClasses(classes => classes.AssignableTo<IExperiment>())
                    .As<IExperiment>()
                    .WithSingletonLifetime()
            );
            plugin.Entry.ConfigureServices(services);
        }

        return services;
    }
}
