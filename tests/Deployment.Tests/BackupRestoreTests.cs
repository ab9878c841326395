using System.Globalization;
using LeeQ.Epii.Platform.Deployment.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace LeeQ.Epii.Platform.Deployment.Tests;

public sealed class BackupRestoreTests
{
    private const int Rows = 50;

    [Fact]
    public async Task BackupThenRestoreIntoAFreshRoot_BringsBackSetupsParametersAndRuns()
    {
        Run.RequireTool("sqlite3");
        using var source = new TempRoot();
        using var target = new TempRoot();
        using var output = new TempRoot();
        await Installer.InstallOrFailAsync(source);
        await File.WriteAllTextAsync(source["/etc/leeq-epii/minimal.json"], "{ \"edited\": true }");
        Directory.CreateDirectory(source["/var/lib/leeq-epii/simulation_2q"]);
        await File.WriteAllTextAsync(source["/var/lib/leeq-epii/simulation_2q/notes.txt"], "kept");
        var archive = Path.Combine(output.Path, "backup.tar.gz");

        // The daemon keeps its stores open in WAL mode: the newest rows live only in the
        // -wal file until a checkpoint, and a plain copy of the .db would lose them.
        ProcessResult backup;
        await using (var parameters = OpenStore(source["/var/lib/leeq-epii/simulation_2q/parameters.db"]))
        await using (var runs = OpenStore(source["/var/lib/leeq-epii/simulation_2q/runs.db"]))
        {
            await FillAsync(parameters, "parameter");
            await FillAsync(runs, "run");
            Assert.True(new FileInfo(source["/var/lib/leeq-epii/simulation_2q/parameters.db-wal"]).Length > 0);

            backup = await Run.ScriptAsync("backup-leeq-epii.sh", ["--destdir", source.Path, "--output", archive]);
        }

        await Installer.InstallOrFailAsync(target);
        var restore = await Run.ScriptAsync("restore-leeq-epii.sh", [archive, "--destdir", target.Path]);

        Assert.True(backup.ExitCode == 0, backup.ToString());
        Assert.Contains("sqlite3 .backup", backup.StdOut, StringComparison.Ordinal);
        Assert.True(restore.ExitCode == 0, restore.ToString());
        Assert.Equal(Rows, await CountAsync(target["/var/lib/leeq-epii/simulation_2q/parameters.db"], "parameter"));
        Assert.Equal(Rows, await CountAsync(target["/var/lib/leeq-epii/simulation_2q/runs.db"], "run"));
        Assert.Equal("kept", await File.ReadAllTextAsync(target["/var/lib/leeq-epii/simulation_2q/notes.txt"]));
        Assert.Equal("{ \"edited\": true }", await File.ReadAllTextAsync(target["/etc/leeq-epii/minimal.json"]));
        var (leeq, leeqGroup) = Accounts.ServiceAccount(target);
        await FileStat.AssertAsync(target["/var/lib/leeq-epii/simulation_2q"], leeq, leeqGroup, "750");
        await FileStat.AssertAsync(target["/var/lib/leeq-epii/simulation_2q/parameters.db"], leeq, leeqGroup, "640");
        await FileStat.AssertAsync(target["/etc/leeq-epii/minimal.json"], 0, leeqGroup, "640");
        await FileStat.AssertAsync(target["/etc/systemd/system/leeq-epii@.service"], 0, 0, "644");
        Assert.Equal("600", (await FileStat.OfAsync(archive)).Mode);
    }

    [Fact]
    public async Task Archive_HoldsOnlyLeeqPaths_SoExtractingItOverRootIsSafe()
    {
        using var source = new TempRoot();
        using var output = new TempRoot();
        await Installer.InstallOrFailAsync(source);
        var archive = Path.Combine(output.Path, "backup.tar.gz");

        var backup = await Run.ScriptAsync("backup-leeq-epii.sh", ["--destdir", source.Path, "--output", archive]);
        var listing = await Run.ProgramAsync("tar", ["-tzf", archive]);

        Assert.True(backup.ExitCode == 0, backup.ToString());
        var entries = listing.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("etc/leeq-epii/simulation_2q.json", entries);
        Assert.Contains("etc/systemd/system/leeq-epii@.service", entries);
        Assert.Contains("etc/logrotate.d/leeq-epii", entries);
        Assert.Contains(entries, e =>
            e.StartsWith("var/backups/leeq-epii/", StringComparison.Ordinal)
            && e.EndsWith(".info", StringComparison.Ordinal)
        );
        string[] ours =
        [
            "etc/leeq-epii/",
            "var/lib/leeq-epii/",
            "var/backups/leeq-epii/",
            "etc/systemd/system/leeq-epii@",
            "etc/logrotate.d/leeq-epii",
        ];
        Assert.All(entries, e =>
            Assert.True(ours.Any(o => e.StartsWith(o, StringComparison.Ordinal)), $"unexpected archive member '{e}'")
        );
    }

    [Fact]
    public async Task Backup_WithoutSqlite3_RefusesWhileAnInstanceRunsAndCopiesOnceStopped()
    {
        using var source = new TempRoot();
        using var target = new TempRoot();
        using var output = new TempRoot();
        await Installer.InstallOrFailAsync(source);
        Directory.CreateDirectory(source["/var/lib/leeq-epii/minimal"]);
        await using (var store = OpenStore(source["/var/lib/leeq-epii/minimal/parameters.db"]))
        {
            await FillAsync(store, "parameter");
        }

        Directory.CreateDirectory(source["/run/leeq-epii"]);
        var pidFile = source["/run/leeq-epii/leeq-epii-minimal.pid"];
        await File.WriteAllTextAsync(pidFile, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        var archive = Path.Combine(output.Path, "backup.tar.gz");
        var withoutSqlite = new Dictionary<string, string> { ["LEEQ_EPII_SQLITE3"] = "none" };

        var refused = await Run.ScriptAsync(
            "backup-leeq-epii.sh",
            ["--destdir", source.Path, "--output", archive],
            withoutSqlite
        );
        File.Delete(pidFile);
        var copied = await Run.ScriptAsync(
            "backup-leeq-epii.sh",
            ["--destdir", source.Path, "--output", archive],
            withoutSqlite
        );
        await Installer.InstallOrFailAsync(target);
        var restore = await Run.ScriptAsync("restore-leeq-epii.sh", [archive, "--destdir", target.Path]);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("sqlite3 is not installed", refused.StdErr, StringComparison.Ordinal);
        Assert.Contains("leeq-epii-minimal.pid", refused.StdErr, StringComparison.Ordinal);
        Assert.True(copied.ExitCode == 0, copied.ToString());
        Assert.Contains("no instance is running", copied.StdOut, StringComparison.Ordinal);
        Assert.True(restore.ExitCode == 0, restore.ToString());
        Assert.Equal(Rows, await CountAsync(target["/var/lib/leeq-epii/minimal/parameters.db"], "parameter"));
    }

    [Fact]
    public async Task Restore_ReplacesAStoreWhole_SoAStaleJournalCannotCorruptIt()
    {
        Run.RequireTool("sqlite3");
        using var root = new TempRoot();
        using var output = new TempRoot();
        await Installer.InstallOrFailAsync(root);
        Directory.CreateDirectory(root["/var/lib/leeq-epii/minimal"]);
        await using (var store = OpenStore(root["/var/lib/leeq-epii/minimal/parameters.db"]))
        {
            await FillAsync(store, "parameter");
        }

        var archive = Path.Combine(output.Path, "backup.tar.gz");
        var backup = await Run.ScriptAsync("backup-leeq-epii.sh", ["--destdir", root.Path, "--output", archive]);
        await File.WriteAllTextAsync(root["/var/lib/leeq-epii/minimal/parameters.db-wal"], "left over from a crash");
        await File.WriteAllTextAsync(root["/var/lib/leeq-epii/minimal/later.txt"], "after the backup");

        var restore = await Run.ScriptAsync(
            "restore-leeq-epii.sh",
            [archive, "--destdir", root.Path, "--no-config", "--no-unit"]
        );

        Assert.True(backup.ExitCode == 0 && restore.ExitCode == 0, backup.ToString() + restore);
        Assert.False(File.Exists(root["/var/lib/leeq-epii/minimal/parameters.db-wal"]));
        Assert.False(File.Exists(root["/var/lib/leeq-epii/minimal/later.txt"]));
        Assert.Equal(Rows, await CountAsync(root["/var/lib/leeq-epii/minimal/parameters.db"], "parameter"));
    }

    [Fact]
    public async Task Restore_WhileAnInstanceRuns_Refuses()
    {
        using var root = new TempRoot();
        using var output = new TempRoot();
        await Installer.InstallOrFailAsync(root);
        var archive = Path.Combine(output.Path, "backup.tar.gz");
        var backup = await Run.ScriptAsync("backup-leeq-epii.sh", ["--destdir", root.Path, "--output", archive]);
        Directory.CreateDirectory(root["/run/leeq-epii"]);
        await File.WriteAllTextAsync(
            root["/run/leeq-epii/leeq-epii-minimal.pid"],
            Environment.ProcessId.ToString(CultureInfo.InvariantCulture)
        );

        var restore = await Run.ScriptAsync("restore-leeq-epii.sh", [archive, "--destdir", root.Path]);

        Assert.True(backup.ExitCode == 0, backup.ToString());
        Assert.Equal(1, restore.ExitCode);
        Assert.Contains("stop them before restoring", restore.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_ForeignArchive_IsRefusedUntouched()
    {
        using var root = new TempRoot();
        using var staging = new TempRoot();
        Directory.CreateDirectory(staging["/etc/leeq-epii"]);
        await File.WriteAllTextAsync(staging["/etc/leeq-epii/minimal.json"], "{}");
        await File.WriteAllTextAsync(staging["/etc/passwd"], "evil:x:0:0::/:/bin/sh\n");
        var archive = Path.Combine(staging.Path, "foreign.tar.gz");
        var tar = await Run.ProgramAsync("tar", ["-czf", archive, "-C", staging.Path, "etc/leeq-epii", "etc/passwd"]);

        var restore = await Run.ScriptAsync("restore-leeq-epii.sh", [archive, "--destdir", root.Path]);

        Assert.True(tar.ExitCode == 0, tar.ToString());
        Assert.Equal(1, restore.ExitCode);
        Assert.Contains("etc/passwd", restore.StdErr, StringComparison.Ordinal);
        Assert.False(File.Exists(root["/etc/leeq-epii/minimal.json"]));
        Assert.False(File.Exists(root["/etc/passwd"]));
    }

    private static SqliteConnection OpenStore(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    private static async Task FillAsync(SqliteConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"CREATE TABLE {table} (id INTEGER PRIMARY KEY, name TEXT NOT NULL, value TEXT NOT NULL);";
        await command.ExecuteNonQueryAsync();
        for (var i = 0; i < Rows; i++)
        {
            command.CommandText = $"INSERT INTO {table} (name, value) VALUES ('q{i % 2}.item{i}', '{i * 0.01}');";
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task<long> CountAsync(string path, string table)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table};";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
