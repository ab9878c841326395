using LeeQ.Epii.Platform.Contracts.Plugins;

namespace LeeQ.Epii.Platform.Plugins.Hardware.QubiC;

/// <summary>
/// Plugin entry for LBNL QubiC hardware. It owns the <c>hardware</c> section of the setup file.
/// The backend itself is not part of this release (see docs/known-limitations.md), so a setup
/// with <c>setup_type: hardware</c> validates but fails to start with a clear message.
/// </summary>
public sealed class QubicPlugin : IEpiiPlugin
{
    /// <inheritdoc />
    public PluginManifest Manifest { get; } =
        new(
            "hardware.qubic",
            typeof(QubicPlugin).Assembly.GetName().Version ?? new Version(1, 0, 0),
            ContractVersion.Current,
            "LBNL QubiC control hardware (configuration schema)."
        );

    /// <inheritdoc />
    public IReadOnlyList<ConfigSection> ConfigSections { get; } =
    [ConfigSection.FromResource("hardware", typeof(QubicPlugin).Assembly, "hardware.schema.json")];
}
