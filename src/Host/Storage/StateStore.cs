using Microsoft.Data.Sqlite;

namespace LeeQ.Epii.Platform.Host.Storage;

/// <summary>
/// The instance's SQLite database (<c>state.db</c> in the state directory): parameter values, the
/// parameter journal and run records. WAL journaling with FULL synchronisation, so a committed
/// change survives kill -9 and power loss; one writer at a time inside the process (readers never
/// block), and a busy timeout for anything outside it. A file that is not a healthy SQLite
/// database stops start-up with a message; it is never replaced.
/// </summary>
internal sealed class StateStore : IDisposable
{
    public const string FileName = "state.db";
    private const int SchemaVersion = 1;

    private readonly string _connectionString;
    private readonly Lock _writer = new();
    private readonly SqliteConnection _keepAlive;
    private readonly FileStream? _lock;

    private StateStore(string path, SqliteConnection keepAlive, FileStream? lockFile)
    {
        Path = path;
        _keepAlive = keepAlive;
        _lock = lockFile;
        _connectionString = ConnectionString(path);
    }

    public string Path { get; }

    /// <summary>
    /// Opens the store. With <paramref name="exclusive"/> (the daemon) the state directory is locked
    /// for the process's lifetime, so a second daemon pointed at it refuses to start instead of
    /// serving a diverging copy of the same state.
    /// </summary>
    public static StateStore Open(string directory, bool exclusive = true)
    {
        string path;
        try
        {
            Directory.CreateDirectory(directory);
            path = System.IO.Path.Combine(directory, FileName);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StoreUnavailableException($"cannot create the state directory {directory}: {ex.Message}", ex);
        }

        FileStream? lockFile = null;
        if (exclusive)
        {
            var lockPath = System.IO.Path.Combine(directory, "state.lock");
            try
            {
                lockFile = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException ex)
            {
                throw new StoreUnavailableException(
                    $"the state directory {directory} is in use by another leeq-epii process ({lockPath} is locked); one daemon owns one state directory",
                    ex
                );
            }
        }

        var connection = new SqliteConnection(ConnectionString(path));
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA busy_timeout = 10000;");
            var check = Scalar(connection, "PRAGMA quick_check;");
            if (check is not "ok")
            {
                throw new StoreUnavailableException(
                    $"the state store {path} is damaged ({check}); it was left untouched: restore it from a backup or move it aside to start with a new one"
                );
            }

            Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
            Migrate(connection, path);
            return new StateStore(path, connection, lockFile);
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            lockFile?.Dispose();
            throw new StoreUnavailableException(
                $"the state store {path} cannot be used ({ex.Message.TrimEnd('.')}); it was left untouched: restore it from a backup or move it aside to start with a new one",
                ex
            );
        }
        catch
        {
            connection.Dispose();
            lockFile?.Dispose();
            throw;
        }
    }

    /// <summary>A new read connection.</summary>
    public SqliteConnection OpenRead()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA busy_timeout = 10000;");
        return connection;
    }

    /// <summary>Runs <paramref name="work"/> in one immediate transaction; it commits when the work returns.</summary>
    public T Write<T>(Func<SqliteConnection, SqliteTransaction, T> work)
    {
        lock (_writer)
        {
            try
            {
                using var connection = OpenRead();
                using var transaction = connection.BeginTransaction(deferred: false);
                var result = work(connection, transaction);
                transaction.Commit();
                return result;
            }
            catch (SqliteException ex)
            {
                throw new StoreUnavailableException(
                    $"writing the state store {Path} failed: {ex.Message.TrimEnd('.')}",
                    ex
                );
            }
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearPool(_keepAlive);
        _keepAlive.Dispose();
        _lock?.Dispose();
    }

    private static string ConnectionString(string path) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();

    private static void Migrate(SqliteConnection connection, string path)
    {
        var version = Convert.ToInt32(
            Scalar(connection, "PRAGMA user_version;"),
            System.Globalization.CultureInfo.InvariantCulture
        );
        if (version > SchemaVersion)
        {
            throw new StoreUnavailableException(
                $"the state store {path} was written by a newer release (schema {version}, this release reads up to {SchemaVersion})"
            );
        }

        if (version == SchemaVersion)
        {
            return;
        }

        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS parameters (
                name TEXT PRIMARY KEY,
                value TEXT NOT NULL,
                updated_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS parameter_journal (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                name TEXT NOT NULL,
                old_value TEXT NOT NULL,
                new_value TEXT NOT NULL,
                changed_at TEXT NOT NULL,
                source_kind TEXT NOT NULL,
                source TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS ix_parameter_journal_name ON parameter_journal (name, seq);
            CREATE TABLE IF NOT EXISTS runs (
                run_id TEXT PRIMARY KEY,
                experiment TEXT NOT NULL,
                status TEXT NOT NULL,
                queued_at TEXT NOT NULL,
                started_at TEXT,
                finished_at TEXT,
                duration_seconds REAL,
                seed INTEGER,
                error TEXT,
                backend TEXT,
                request_parameters TEXT NOT NULL,
                return_plots INTEGER NOT NULL,
                return_raw_data INTEGER NOT NULL,
                resolved_arguments TEXT,
                parameter_snapshot TEXT,
                versions TEXT,
                response BLOB,
                calibration_updates TEXT);
            CREATE INDEX IF NOT EXISTS ix_runs_queued_at ON runs (queued_at);
            PRAGMA user_version = 1;
            """;
        command.ExecuteNonQuery();
        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
