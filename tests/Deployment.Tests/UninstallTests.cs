using LeeQ.Epii.Platform.Deployment.Tests.Infrastructure;

namespace LeeQ.Epii.Platform.Deployment.Tests;

public sealed class UninstallTests
{
    [Fact]
    public async Task Uninstall_RemovesTheProgramButKeepsSetupsStateAndAccount()
    {
        using var root = new TempRoot();
        await Installer.InstallOrFailAsync(root);
        await SeedInstanceAsync(root);

        var result = await Run.ScriptAsync("uninstall-systemd-service.sh", ["--destdir", root.Path]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.False(Directory.Exists(root["/opt/leeq"]));
        Assert.False(File.Exists(root["/etc/systemd/system/leeq-epii@.service"]));
        Assert.False(File.Exists(root["/etc/logrotate.d/leeq-epii"]));
        Assert.False(File.Exists(root["/etc/systemd/system/multi-user.target.wants/leeq-epii@minimal.service"]));
        Assert.True(File.Exists(root["/etc/leeq-epii/minimal.json"]));
        Assert.Equal("state", await File.ReadAllTextAsync(root["/var/lib/leeq-epii/minimal/parameters.db"]));
        Assert.True(File.Exists(root["/etc/systemd/system/leeq-epii@minimal.service.d/override.conf"]));
        Assert.NotNull(Accounts.PasswdEntry(root, "leeq"));
        Assert.Contains("--purge", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Uninstall_ThenInstall_PicksUpTheKeptSetupUnchanged()
    {
        using var root = new TempRoot();
        await Installer.InstallOrFailAsync(root);
        await File.WriteAllTextAsync(root["/etc/leeq-epii/minimal.json"], "{ \"edited\": true }");
        var uninstall = await Run.ScriptAsync("uninstall-systemd-service.sh", ["--destdir", root.Path]);

        await Installer.InstallOrFailAsync(root);

        Assert.True(uninstall.ExitCode == 0, uninstall.ToString());
        Assert.Equal("{ \"edited\": true }", await File.ReadAllTextAsync(root["/etc/leeq-epii/minimal.json"]));
        Assert.True(File.Exists(root["/opt/leeq/bin/leeq-epii"]));
    }

    [Fact]
    public async Task Uninstall_Purge_RemovesSetupsStateLogsDropInsAndAccount()
    {
        using var root = new TempRoot();
        await Installer.InstallOrFailAsync(root);
        await SeedInstanceAsync(root);

        var result = await Run.ScriptAsync("uninstall-systemd-service.sh", ["--destdir", root.Path, "--purge"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        string[] purged =
        [
            "/opt/leeq",
            "/etc/leeq-epii",
            "/var/lib/leeq-epii",
            "/var/log/leeq-epii",
            "/etc/systemd/system/leeq-epii@minimal.service.d",
        ];
        foreach (var path in purged)
        {
            Assert.False(Directory.Exists(root[path]), $"{path} survived --purge");
        }

        Assert.Null(Accounts.PasswdEntry(root, "leeq"));
    }

    [Fact]
    public async Task Uninstall_RealRootWithoutPrivilegesOrUnknownArgument_Refuses()
    {
        var result = await Run.ScriptAsync("uninstall-systemd-service.sh", ["--everything"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--everything", result.StdErr, StringComparison.Ordinal);
    }

    /// <summary>What a used instance leaves: state, an enablement link and a local drop-in.</summary>
    private static async Task SeedInstanceAsync(TempRoot root)
    {
        Directory.CreateDirectory(root["/var/lib/leeq-epii/minimal"]);
        await File.WriteAllTextAsync(root["/var/lib/leeq-epii/minimal/parameters.db"], "state");
        Directory.CreateDirectory(root["/etc/systemd/system/multi-user.target.wants"]);
        File.CreateSymbolicLink(
            root["/etc/systemd/system/multi-user.target.wants/leeq-epii@minimal.service"],
            "/etc/systemd/system/leeq-epii@.service"
        );
        Directory.CreateDirectory(root["/etc/systemd/system/leeq-epii@minimal.service.d"]);
        await File.WriteAllTextAsync(
            root["/etc/systemd/system/leeq-epii@minimal.service.d/override.conf"],
            "[Service]\nEnvironment=LEEQ_EPII_LOG_LEVEL=DEBUG\n"
        );
    }
}
