using System.Globalization;

namespace LeeQ.Epii.Platform.Deployment.Tests.Infrastructure;

/// <summary>Reads the account databases of a temporary root.</summary>
public static class Accounts
{
    /// <summary>The passwd line of <paramref name="user"/> in the root's /etc/passwd, or null.</summary>
    public static string[]? PasswdEntry(TempRoot root, string user) => Entry(root["/etc/passwd"], user);

    /// <summary>The uid and gid the root's own databases give the service account.</summary>
    public static (int Uid, int Gid) ServiceAccount(TempRoot root)
    {
        var passwd = PasswdEntry(root, "leeq")
            ?? throw new InvalidOperationException("no leeq user in the root's /etc/passwd");
        var group = Entry(root["/etc/group"], "leeq")
            ?? throw new InvalidOperationException("no leeq group in the root's /etc/group");
        return (int.Parse(passwd[2], CultureInfo.InvariantCulture), int.Parse(group[2], CultureInfo.InvariantCulture));
    }

    private static string[]? Entry(string file, string name) =>
        File.Exists(file) ? File.ReadAllLines(file).Select(l => l.Split(':')).FirstOrDefault(f => f[0] == name) : null;
}
