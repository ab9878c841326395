using LeeQ.Epii.Platform.Deployment.Tests.Infrastructure;

namespace LeeQ.Epii.Platform.Deployment.Tests;

public sealed class InstallTests
{
    [Fact]
    public async Task Install_IntoEmptyRoot_CreatesTheLayoutWithOwnersAndModes()
    {
        using var root = new TempRoot();

        var result = await Installer.InstallAsync(root);

        Assert.True(result.ExitCode == 0, result.ToString());
        var passwd = Accounts.PasswdEntry(root, "leeq");
        Assert.NotNull(passwd);
        Assert.Equal("/opt/leeq", passwd[5]);
        Assert.Equal("/bin/false", passwd[6]);
        var (leeq, leeqGroup) = Accounts.ServiceAccount(root);
        await FileStat.AssertAsync(root["/opt/leeq/bin"], 0, 0, "755");
        await FileStat.AssertAsync(root["/opt/leeq/bin/leeq-epii"], 0, 0, "755");
        await FileStat.AssertAsync(root["/opt/leeq/bin/leeq-epii.dll"], 0, 0, "644");
        Assert.True(
            File.Exists(
                root["/opt/leeq/bin/plugins/Simulation.Numeric/LeeQ.Epii.Platform.Plugins.Simulation.Numeric.dll"]
            )
        );
        await FileStat.AssertAsync(root["/etc/leeq-epii"], 0, leeqGroup, "755");
        foreach (var sample in new[] { "simulation_2q.json", "minimal.json", "hardware_qubic.json" })
        {
            await FileStat.AssertAsync(root[$"/etc/leeq-epii/{sample}"], 0, leeqGroup, "640");
            Assert.Equal(
                await File.ReadAllTextAsync(TestPaths.Config(sample)),
                await File.ReadAllTextAsync(root[$"/etc/leeq-epii/{sample}"])
            );
        }

        await FileStat.AssertAsync(root["/var/lib/leeq-epii"], leeq, leeqGroup, "750");
        await FileStat.AssertAsync(root["/var/log/leeq-epii"], leeq, leeqGroup, "750");
        await FileStat.AssertAsync(root["/etc/systemd/system/leeq-epii@.service"], 0, 0, "644");
        await FileStat.AssertAsync(root["/etc/logrotate.d/leeq-epii"], 0, 0, "644");
        await FileStat.AssertAsync(root["/opt/leeq/scripts/leeq-epii-service.sh"], 0, 0, "755");
        Assert.Equal(
            await File.ReadAllTextAsync(TestPaths.UnitFile),
            await File.ReadAllTextAsync(root["/etc/systemd/system/leeq-epii@.service"])
        );
        Assert.Contains("valid: /etc/leeq-epii/simulation_2q.json", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Install_DestinationTree_NeverTouchesThisMachinesAccounts()
    {
        var before = await File.ReadAllTextAsync("/etc/passwd");
        using var root = new TempRoot();

        await Installer.InstallOrFailAsync(root);

        Assert.Equal(before, await File.ReadAllTextAsync("/etc/passwd"));
        Assert.NotNull(Accounts.PasswdEntry(root, "leeq"));
    }

    [Fact]
    public async Task Install_SecondRun_ChangesNothing()
    {
        using var root = new TempRoot();
        await Installer.InstallOrFailAsync(root);
        var first = await FileStat.SnapshotAsync(root.Path);

        var again = await Installer.InstallAsync(root, "--no-validate");

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("nothing to change", again.StdOut, StringComparison.Ordinal);
        Assert.Equal(first, await FileStat.SnapshotAsync(root.Path));
    }

    [Fact]
    public async Task Install_OverEditedSetup_KeepsItAndWritesTheSampleBesideIt()
    {
        using var root = new TempRoot();
        await Installer.InstallOrFailAsync(root);
        var edited = (await File.ReadAllTextAsync(TestPaths.Config("minimal.json"))).Replace(
            "\"port\": 50070",
            "\"port\": 50071",
            StringComparison.Ordinal
        );
        await File.WriteAllTextAsync(root["/etc/leeq-epii/minimal.json"], edited);
        File.SetUnixFileMode(root["/etc/leeq-epii/minimal.json"], UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var result = await Installer.InstallAsync(root, "--no-validate");
        var snapshot = await FileStat.SnapshotAsync(root.Path);
        var third = await Installer.InstallAsync(root, "--no-validate");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(edited, await File.ReadAllTextAsync(root["/etc/leeq-epii/minimal.json"]));
        Assert.Equal(
            UnixFileMode.UserRead | UnixFileMode.UserWrite,
            File.GetUnixFileMode(root["/etc/leeq-epii/minimal.json"])
        );
        Assert.Equal(
            await File.ReadAllTextAsync(TestPaths.Config("minimal.json")),
            await File.ReadAllTextAsync(root["/etc/leeq-epii/minimal.json.example"])
        );
        Assert.False(File.Exists(root["/etc/leeq-epii/simulation_2q.json.example"]));
        Assert.True(third.ExitCode == 0, third.ToString());
        Assert.Equal(snapshot, await FileStat.SnapshotAsync(root.Path));
    }

    [Fact]
    public async Task Install_NoUser_LeavesAccountsAloneAndRecordsTheIntendedOwners()
    {
        using var root = new TempRoot();

        var result = await Installer.InstallAsync(root, "--no-user", "--no-validate");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.False(File.Exists(root["/etc/passwd"]));
        Assert.Contains("ownership", result.StdErr, StringComparison.Ordinal);
        var manifest = await File.ReadAllLinesAsync(root["/opt/leeq/share/leeq-epii/ownership"]);
        Assert.Contains("750 leeq leeq /var/lib/leeq-epii", manifest);
        Assert.Contains("640 root leeq /etc/leeq-epii/simulation_2q.json", manifest);
        Assert.Contains("644 root root /etc/systemd/system/leeq-epii@.service", manifest);
        Assert.Equal("750", (await FileStat.OfAsync(root["/var/lib/leeq-epii"])).Mode);
    }

    [Fact]
    public async Task Install_IntoTheRealRootWithoutPrivileges_Refuses()
    {
        // Run as an unprivileged user when the tests run as root (as in CI), else as ourselves.
        using var copy = new TempRoot();
        File.SetUnixFileMode(copy.Path, (UnixFileMode)0b111_101_101);
        var scripts = Path.Combine(copy.Path, "scripts");
        Directory.CreateDirectory(Path.Combine(scripts, "lib"));
        File.Copy(TestPaths.Script("install-systemd-service.sh"), Path.Combine(scripts, "install-systemd-service.sh"));
        File.Copy(TestPaths.Script("lib/leeq-epii-common.sh"), Path.Combine(scripts, "lib", "leeq-epii-common.sh"));
        IEnumerable<string> command =
        [
            "bash",
            Path.Combine(scripts, "install-systemd-service.sh"),
            "--skip-build",
            "--from",
            TestPaths.HostDirectory,
        ];
        if (Installer.RunningAsRoot)
        {
            command = ["--reuid=65534", "--regid=65534", "--clear-groups", .. command];
        }

        var result = Installer.RunningAsRoot
            ? await Run.ProgramAsync("setpriv", command)
            : await Run.ProgramAsync(command.First(), command.Skip(1));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("needs root", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("--destdir", result.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--skip-build")]
    [InlineData("--frobnicate")]
    public async Task Install_Misuse_IsAUsageErrorNamingTheProblem(string argument)
    {
        using var root = new TempRoot();

        var result = await Run.ScriptAsync("install-systemd-service.sh", ["--destdir", root.Path, argument]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(argument, result.StdErr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(root["/opt/leeq"]));
    }

    [Fact]
    public async Task Install_FromATreeThatIsNotAPublishedHost_FailsNamingIt()
    {
        using var root = new TempRoot();
        using var empty = new TempRoot();

        var result = await Run.ScriptAsync(
            "install-systemd-service.sh",
            ["--destdir", root.Path, "--from", empty.Path]
        );

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is not a published host", result.StdErr, StringComparison.Ordinal);
    }
}
