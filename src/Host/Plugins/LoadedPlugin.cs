using System.Reflection;
using LeeQ.Epii.Platform.Contracts.Plugins;

namespace LeeQ.Epii.Platform.Host.Plugins;

/// <summary>A plugin that loaded: where from, its main assembly and its entry point.</summary>
internal sealed record LoadedPlugin(string Directory, string AssemblyPath, Assembly Assembly, IEpiiPlugin Entry)
{
    public PluginManifest Manifest => Entry.Manifest;
}
