using LeeQ.Epii.Platform.Contracts.Plugins;

namespace LeeQ.Epii.TestPlugins.Extra;

/// <summary>A third-party plugin contributing an experiment and a gRPC service.</summary>
public sealed class ExtraPlugin : IEpiiPlugin
{
    public PluginManifest Manifest { get; } =
        new(
            "test.extra",
            new Version(0, 2, 0),
            ContractVersion.Current,
            "Test plugin: an extra experiment and an Echo service."
        );

    public IReadOnlyList<Type> GrpcServices { get; } = [typeof(EchoService)];
}
