namespace LeeQ.Epii.Platform.Host.Plugins;

/// <summary>A plugin folder that could not be used, and why.</summary>
internal sealed record PluginLoadFailure(string Path, string Reason);
