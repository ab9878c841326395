using LeeQ.Epii.Platform.Contracts.Plugins;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard;

/// <summary>Plugin entry for the standard calibration suite. Experiments are found by scanning.</summary>
public sealed class StandardExperimentsPlugin : IEpiiPlugin
{
    /// <inheritdoc />
    public PluginManifest Manifest { get; } =
        new(
            "experiments.standard",
            typeof(StandardExperimentsPlugin).Assembly.GetName().Version ?? new Version(1, 0, 0),
            ContractVersion.Current,
            "Standard single- and multi-qubit calibration and characterisation experiments."
        );
}
