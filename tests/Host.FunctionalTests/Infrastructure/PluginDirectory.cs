namespace LeeQ.Epii.Platform.Host.FunctionalTests.Infrastructure;

/// <summary>A temporary plugin directory holding copies of test plugins, one folder each.</summary>
public sealed class PluginDirectory : IDisposable
{
    public PluginDirectory(params string[] testPlugins)
    {
        Path = Directory.CreateTempSubdirectory("leeq-epii-plugins-").FullName;
        foreach (var name in testPlugins)
        {
            var source = TestPaths.TestPluginOutput(name);
            var target = System.IO.Path.Combine(Path, name);
            foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            {
                var destination = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(source, file));
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(destination)!);
                File.Copy(file, destination);
            }
        }
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
