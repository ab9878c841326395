namespace LeeQ.Epii.Platform.Host.FunctionalTests.Infrastructure;

/// <summary>A temporary state root shared by the daemons a test starts one after another.</summary>
public sealed class StateDirectory : IDisposable
{
    public StateDirectory() => Path = Directory.CreateTempSubdirectory("leeq-epii-shared-state-").FullName;

    public string Path { get; }

    /// <summary>The environment that points a daemon at this state root.</summary>
    public IReadOnlyDictionary<string, string> Environment =>
        new Dictionary<string, string> { ["XDG_STATE_HOME"] = Path };

    public string DatabaseFile(string setupName) => System.IO.Path.Combine(Path, "leeq-epii", setupName, "state.db");

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
