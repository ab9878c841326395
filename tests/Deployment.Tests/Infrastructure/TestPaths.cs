using System.Reflection;

namespace LeeQ.Epii.Platform.Deployment.Tests.Infrastructure;

/// <summary>Where the built host, the repository and its scripts are, as recorded at build time.</summary>
internal static class TestPaths
{
    public static string HostDirectory => Metadata("HostOutputDirectory");

    public static string RepositoryRoot => Metadata("RepositoryRoot");

    public static string ScriptsDirectory => Path.Combine(RepositoryRoot, "scripts");

    public static string Script(string name) => Path.Combine(ScriptsDirectory, name);

    public static string Config(string name) => Path.Combine(RepositoryRoot, "configs", "epii", name);

    public static string UnitFile => Path.Combine(ScriptsDirectory, "systemd", "leeq-epii@.service");

    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"assembly metadata '{key}' is missing");
}
