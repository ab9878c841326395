using System.Text.Json.Nodes;

namespace LeeQ.Epii.Platform.Host.FunctionalTests.Infrastructure;

/// <summary>A copy of a shipped sample, edited for one test, in its own directory.</summary>
public sealed class TempConfig : IDisposable
{
    public TempConfig(string sample, Action<JsonObject>? edit = null, string? fileName = null)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("leeq-epii-config-").FullName;
        var document = JsonNode.Parse(File.ReadAllText(TestPaths.Config(sample)))!.AsObject();
        edit?.Invoke(document);
        Path = System.IO.Path.Combine(Directory, fileName ?? sample);
        Write(document);
    }

    public string Directory { get; }

    public string Path { get; }

    public void Write(JsonObject document) => File.WriteAllText(Path, document.ToJsonString());

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
