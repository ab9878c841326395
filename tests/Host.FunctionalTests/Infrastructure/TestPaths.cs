using System.Reflection;

namespace LeeQ.Epii.Platform.Host.FunctionalTests.Infrastructure;

/// <summary>Where the built host and the repository are, as recorded at build time.</summary>
internal static class TestPaths
{
    public static string HostDirectory => Metadata("HostOutputDirectory");

    public static string HostAssembly => Path.Combine(HostDirectory, "leeq-epii.dll");

    public static string RepositoryRoot => Metadata("RepositoryRoot");

    /// <summary>Build output of a purpose-built test plugin (tests/TestPlugins/<paramref name="name"/>).</summary>
    public static string TestPluginOutput(string name) =>
        Path.Combine(
            RepositoryRoot,
            "tests",
            "TestPlugins",
            name,
            "bin",
            Metadata("TestPluginsConfiguration"),
            "net10.0"
        );

    public static string Config(string name) => Path.Combine(RepositoryRoot, "configs", "epii", name);

    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"assembly metadata '{key}' is missing");
}
