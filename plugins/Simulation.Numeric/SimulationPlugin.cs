using LeeQ.Epii.Platform.Contracts.Plugins;

namespace LeeQ.Epii.Platform.Plugins.Simulation.Numeric;

/// <summary>Plugin entry for the numeric transmon simulator; owns the <c>simulation</c> section.</summary>
public sealed class SimulationPlugin : IEpiiPlugin
{
    /// <inheritdoc />
    public PluginManifest Manifest { get; } =
        new(
            "simulation.numeric",
            typeof(SimulationPlugin).Assembly.GetName().Version ?? new Version(1, 0, 0),
            ContractVersion.Current,
            "Numerically integrated multi-level transmons with decoherence and dispersive readout."
        );

    /// <inheritdoc />
    public IReadOnlyList<ConfigSection> ConfigSections { get; } =
    [ConfigSection.FromResource("simulation", typeof(SimulationPlugin).Assembly, "simulation.schema.json")];
}
