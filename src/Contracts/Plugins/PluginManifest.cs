namespace LeeQ.Epii.Platform.Contracts.Plugins;

/// <summary>Identity of a plugin as reported in capabilities, diagnostics and logs.</summary>
/// <param name="Id">Stable identifier, e.g. <c>simulation.numeric</c>.</param>
/// <param name="Version">The plugin's own semantic version.</param>
/// <param name="ContractVersion">The <see cref="Plugins.ContractVersion"/> the plugin was built against.</param>
/// <param name="Description">One line saying what the plugin contributes.</param>
public sealed record PluginManifest(string Id, Version Version, Version ContractVersion, string Description);
