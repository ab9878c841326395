namespace LeeQ.Epii.Platform.Deployment.Tests.Infrastructure;

/// <summary>A temporary directory standing in for a machine's root file system.</summary>
public sealed class TempRoot : IDisposable
{
    public TempRoot()
    {
        Path = Directory.CreateTempSubdirectory("leeq-epii-deploy-").FullName;
    }

    public string Path { get; }

    /// <summary>The path of an absolute target path inside this root.</summary>
    public string this[string absolute] => System.IO.Path.Join(Path, absolute);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary directory must not fail a test.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
