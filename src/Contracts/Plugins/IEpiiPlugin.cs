using Microsoft.Extensions.DependencyInjection;

namespace LeeQ.Epii.Platform.Contracts.Plugins;

/// <summary>
/// Entry point of a plugin. Each plugin assembly has exactly one public, parameterless
/// implementation. The host also scans the assembly and registers every public
/// <see cref="Backends.IQuantumBackendFactory"/> and <see cref="Experiments.IExperiment"/>
/// implementation it finds, so most plugins need nothing in <see cref="ConfigureServices"/>.
/// </summary>
public interface IEpiiPlugin
{
    /// <summary>Identity and contract version.</summary>
    PluginManifest Manifest { get; }

    /// <summary>Sections of the setup file this plugin owns, with their schemas.</summary>
    IReadOnlyList<ConfigSection> ConfigSections => [];

    /// <summary>
    /// gRPC service implementation types this plugin contributes (classes deriving from a
    /// generated <c>...Base</c> class). The host maps them and lists them in server reflection.
    /// </summary>
    IReadOnlyList<Type> GrpcServices => [];

    /// <summary>Registers extra services beyond the ones found by scanning.</summary>
    void ConfigureServices(IServiceCollection services) { }
}
