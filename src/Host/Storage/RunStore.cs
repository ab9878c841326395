using System.Globalization;
using Microsoft.Data.Sqlite;

namespace LeeQ.Epii.Platform.Host.Storage;

/// <summary>Run records: written when a run is queued, updated when it starts and when it ends.</summary>
internal sealed class RunStore(StateStore store, RetentionPolicy retention)
{
    private const string Columns =
        "run_id, experiment, status, queued_at, started_at, finished_at, duration_seconds, seed, error, backend, request_parameters, return_plots, return_raw_data, resolved_arguments, parameter_snapshot, versions, response, calibration_updates";

    public void Insert(StoredRun run) =>
        store.Write(
            (connection, transaction) =>
            {
                using var command = Command(
                    connection,
                    transaction,
                    """
                    INSERT INTO runs (run_id, experiment, status, queued_at, backend, request_parameters, return_plots, return_raw_data)
                    VALUES ($id, $experiment, $status, $queued, $backend, $request, $plots, $raw);
                    """
                );
                command.Parameters.AddWithValue("$id", run.RunId);
                command.Parameters.AddWithValue("$experiment", run.Experiment);
                command.Parameters.AddWithValue("$status", run.Status);
                command.Parameters.AddWithValue("$queued", Time(run.QueuedAt));
                command.Parameters.AddWithValue("$backend", (object?)run.Backend ?? DBNull.Value);
                command.Parameters.AddWithValue("$request", run.RequestParametersJson);
                command.Parameters.AddWithValue("$plots", run.ReturnPlots ? 1 : 0);
                command.Parameters.AddWithValue("$raw", run.ReturnRawData ? 1 : 0);
                return command.ExecuteNonQuery();
            }
        );

    public void MarkStarted(
        string runId,
        long seed,
        string resolvedArgumentsJson,
        string snapshotJson,
        string versionsJson
    ) =>
        store.Write(
            (connection, transaction) =>
            {
                using var command = Command(
                    connection,
                    transaction,
                    """
                    UPDATE runs SET status = $status, started_at = $at, seed = $seed, resolved_arguments = $args, parameter_snapshot = $snapshot, versions = $versions
                    WHERE run_id = $id;
                    """
                );
                command.Parameters.AddWithValue("$id", runId);
                command.Parameters.AddWithValue("$status", RunStatus.Running);
                command.Parameters.AddWithValue("$at", Time(DateTimeOffset.UtcNow));
                command.Parameters.AddWithValue("$seed", seed);
                command.Parameters.AddWithValue("$args", resolvedArgumentsJson);
                command.Parameters.AddWithValue("$snapshot", snapshotJson);
                command.Parameters.AddWithValue("$versions", versionsJson);
                return command.ExecuteNonQuery();
            }
        );

    public void Complete(
        string runId,
        string status,
        double durationSeconds,
        string? error,
        byte[]? response,
        string? updatesJson
    )
    {
        store.Write(
            (connection, transaction) =>
            {
                using var command = Command(
                    connection,
                    transaction,
                    """
                    UPDATE runs SET status = $status, finished_at = $at, duration_seconds = $duration, error = $error, response = $response, calibration_updates = $updates
                    WHERE run_id = $id;
                    """
                );
                command.Parameters.AddWithValue("$id", runId);
                command.Parameters.AddWithValue("$status", status);
                command.Parameters.AddWithValue("$at", Time(DateTimeOffset.UtcNow));
                command.Parameters.AddWithValue("$duration", durationSeconds);
                command.Parameters.AddWithValue("$error", (object?)error ?? DBNull.Value);
                command.Parameters.Add("$response", SqliteType.Blob).Value = (object?)response ?? DBNull.Value;
                command.Parameters.AddWithValue("$updates", (object?)updatesJson ?? DBNull.Value);
                return command.ExecuteNonQuery();
            }
        );
        Prune();
    }

    /// <summary>Marks runs a previous process left queued or running as failed.</summary>
    public int CloseInterrupted() =>
        store.Write(
            (connection, transaction) =>
            {
                using var command = Command(
                    connection,
                    transaction,
                    """
                    UPDATE runs SET status = $failed, finished_at = $at, error = 'interrupted: the daemon stopped before the run finished'
                    WHERE status IN ($queued, $running);
                    """
                );
                command.Parameters.AddWithValue("$failed", RunStatus.Failed);
                command.Parameters.AddWithValue("$queued", RunStatus.Queued);
                command.Parameters.AddWithValue("$running", RunStatus.Running);
                command.Parameters.AddWithValue("$at", Time(DateTimeOffset.UtcNow));
                return command.ExecuteNonQuery();
            }
        );

    public StoredRun? Get(string runId)
    {
        using var connection = store.OpenRead();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM runs WHERE run_id = $id;";
        command.Parameters.AddWithValue("$id", runId);
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read(reader, withResponse: true) : null;
    }

    public IReadOnlyList<StoredRun> List(int limit, string? experiment, string? status)
    {
        using var connection = store.OpenRead();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {Columns} FROM runs
            WHERE ($experiment IS NULL OR experiment = $experiment) AND ($status IS NULL OR status = $status)
            ORDER BY queued_at DESC, run_id DESC LIMIT $limit;
            """;
        command.Parameters.AddWithValue("$experiment", (object?)experiment ?? DBNull.Value);
        command.Parameters.AddWithValue("$status", (object?)status ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var runs = new List<StoredRun>();
        while (reader.Read())
        {
            runs.Add(Read(reader, withResponse: false));
        }

        return runs;
    }

    /// <summary>Deletes finished runs beyond the retention policy; never a queued or running one.</summary>
    public int Prune() =>
        store.Write(
            (connection, transaction) =>
            {
                var deleted = 0;
                if (retention.MaxAge is { } age)
                {
                    using var byAge = Command(
                        connection,
                        transaction,
                        "DELETE FROM runs WHERE status NOT IN ($queued, $running) AND queued_at < $cutoff;"
                    );
                    byAge.Parameters.AddWithValue("$queued", RunStatus.Queued);
                    byAge.Parameters.AddWithValue("$running", RunStatus.Running);
                    byAge.Parameters.AddWithValue("$cutoff", Time(DateTimeOffset.UtcNow - age));
                    deleted += byAge.ExecuteNonQuery();
                }

                if (retention.MaxRuns is { } max)
                {
                    using var byCount = Command(
                        connection,
                        transaction,
                        """
                        DELETE FROM runs WHERE status NOT IN ($queued, $running) AND run_id NOT IN
                            (SELECT run_id FROM runs WHERE status NOT IN ($queued, $running) ORDER BY queued_at DESC, run_id DESC LIMIT $max);
                        """
                    );
                    byCount.Parameters.AddWithValue("$queued", RunStatus.Queued);
                    byCount.Parameters.AddWithValue("$running", RunStatus.Running);
                    byCount.Parameters.AddWithValue("$max", max);
                    deleted += byCount.ExecuteNonQuery();
                }

                return deleted;
            }
        );

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset? ReadTime(SqliteDataReader reader, int column) =>
        reader.IsDBNull(column)
            ? null
            : DateTimeOffset.Parse(
                reader.GetString(column),
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal
            );

    private static string? ReadText(SqliteDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : reader.GetString(column);

    private static StoredRun Read(SqliteDataReader reader, bool withResponse) =>
        new()
        {
            RunId = reader.GetString(0),
            Experiment = reader.GetString(1),
            Status = reader.GetString(2),
            QueuedAt = ReadTime(reader, 3)!.Value,
            StartedAt = ReadTime(reader, 4),
            FinishedAt = ReadTime(reader, 5),
            DurationSeconds = reader.IsDBNull(6) ? null : reader.GetDouble(6),
            Seed = reader.IsDBNull(7) ? null : reader.GetInt64(7),
            Error = ReadText(reader, 8),
            Backend = ReadText(reader, 9),
            RequestParametersJson = reader.GetString(10),
            ReturnPlots = reader.GetInt64(11) != 0,
            ReturnRawData = reader.GetInt64(12) != 0,
            ResolvedArgumentsJson = ReadText(reader, 13),
            ParameterSnapshotJson = ReadText(reader, 14),
            VersionsJson = ReadText(reader, 15),
            Response = withResponse && !reader.IsDBNull(16) ? (byte[])reader.GetValue(16) : null,
            CalibrationUpdatesJson = ReadText(reader, 17),
        };
}
