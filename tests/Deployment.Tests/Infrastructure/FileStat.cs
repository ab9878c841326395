using System.Globalization;

namespace LeeQ.Epii.Platform.Deployment.Tests.Infrastructure;

/// <summary>Owner, group and permission bits of one path, as stat(1) reports them.</summary>
public sealed record FileStat(int Uid, int Gid, string Mode)
{
    public static async Task<FileStat> OfAsync(string path)
    {
        var result = await Run.ProgramAsync("stat", ["-c", "%u %g %a", path]);
        Assert.True(result.ExitCode == 0, $"stat {path}: {result}");
        var parts = result.StdOut.Trim().Split(' ');
        return new FileStat(
            int.Parse(parts[0], CultureInfo.InvariantCulture),
            int.Parse(parts[1], CultureInfo.InvariantCulture),
            parts[2]
        );
    }

    /// <summary>Fails the test unless the path has this mode and, when the tests run as root, these owners.</summary>
    public static async Task AssertAsync(string path, int uid, int gid, string mode)
    {
        var stat = await OfAsync(path);
        Assert.True(stat.Mode == mode, $"{path}: mode {stat.Mode}, expected {mode}");
        if (Installer.RunningAsRoot)
        {
            Assert.True(
                stat.Uid == uid && stat.Gid == gid,
                $"{path}: owner {stat.Uid}:{stat.Gid}, expected {uid}:{gid}"
            );
        }
    }

    /// <summary>
    /// Every path under <paramref name="root"/> with its type, mode, owners, size, inode and
    /// modification time: two equal snapshots mean nothing was created, replaced or touched.
    /// </summary>
    public static async Task<IReadOnlyList<string>> SnapshotAsync(string root)
    {
        var result = await Run.ProgramAsync("find", [root, "-printf", "%P %y %m %U %G %s %i %T@\\n"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return [.. result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal)];
    }
}
