namespace LeeQ.Epii.Platform.Deployment.Tests.Infrastructure;

/// <summary>
/// A stand-in for systemctl or journalctl that records each call's arguments, one line per
/// call, so a test can check what the scripts ask systemd to do without a running systemd.
/// </summary>
public sealed class StubCommand : IDisposable
{
    private readonly TempRoot _dir = new();

    public StubCommand(string name, int exitCode = 0)
    {
        Path = System.IO.Path.Combine(_dir.Path, name);
        LogPath = System.IO.Path.Combine(_dir.Path, name + ".calls");
        File.WriteAllText(Path, $"#!/bin/sh\nprintf '%s\\n' \"$*\" >> '{LogPath}'\nexit {exitCode}\n");
        File.SetUnixFileMode(Path, (UnixFileMode)0b111_101_101);
    }

    public string Path { get; }

    public string LogPath { get; }

    public IReadOnlyList<string> Calls => File.Exists(LogPath) ? File.ReadAllLines(LogPath) : [];

    public void Dispose() => _dir.Dispose();
}
