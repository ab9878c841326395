namespace LeeQ.Epii.Platform.Deployment.Tests.Infrastructure;

/// <summary>One installed tree shared by the tests of a class that only read it.</summary>
public sealed class InstalledRoot : IAsyncLifetime, IDisposable
{
    public TempRoot Root { get; } = new();

    public async Task InitializeAsync() => await Installer.InstallOrFailAsync(Root);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => Root.Dispose();
}
