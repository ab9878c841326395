using System.Reflection;

namespace LeeQ.Epii.Platform.Host.Tests;

/// <summary>Where the built host (with its plugin folder) and the repository are.</summary>
internal static class TestPaths
{
    public static string PluginDirectory => Path.Combine(Metadata("HostOutputDirectory"), "plugins");

    public static string Config(string name) => Path.Combine(Metadata("RepositoryRoot"), "configs", "epii", name);

    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"assembly metadata '{key}' is missing");
}
