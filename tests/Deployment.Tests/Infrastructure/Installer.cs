namespace LeeQ.Epii.Platform.Deployment.Tests.Infrastructure;

/// <summary>Installs the built host into temporary roots the way an operator would, minus the publish.</summary>
public static class Installer
{
    /// <summary>
    /// Runs install-systemd-service.sh into <paramref name="root"/> from the host's build output
    /// (which has the same shape as a publish: leeq-epii, its libraries and plugins/).
    /// </summary>
    public static Task<ProcessResult> InstallAsync(TempRoot root, params string[] extra) =>
        Run.ScriptAsync(
            "install-systemd-service.sh",
            ["--destdir", root.Path, "--from", TestPaths.HostDirectory, .. extra]
        );

    /// <summary>Installs and fails the test when the installer does.</summary>
    public static async Task InstallOrFailAsync(TempRoot root, params string[] extra)
    {
        var result = await InstallAsync(root, ["--no-validate", .. extra]);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    public static bool RunningAsRoot => Environment.UserName == "root";
}
