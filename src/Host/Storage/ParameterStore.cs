using System.Globalization;
using Microsoft.Data.Sqlite;

namespace LeeQ.Epii.Platform.Host.Storage;

/// <summary>Parameter values and their journal in the state store. Values are kept in their wire (JSON) spelling.</summary>
internal sealed class ParameterStore(StateStore store)
{
    public IReadOnlyDictionary<string, string> LoadValues()
    {
        using var connection = store.OpenRead();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, value FROM parameters;";
        using var reader = command.ExecuteReader();
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (reader.Read())
        {
            values[reader.GetString(0)] = reader.GetString(1);
        }

        return values;
    }

    /// <summary>Writes the new values and one journal entry per change in a single transaction.</summary>
    public void Save(IReadOnlyList<(string Name, string Old, string New)> changes, ChangeSource source)
    {
        var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        store.Write(
            (connection, transaction) =>
            {
                using var upsert = connection.CreateCommand();
                upsert.Transaction = transaction;
                upsert.CommandText =
                    "INSERT INTO parameters (name, value, updated_at) VALUES ($name, $value, $at) ON CONFLICT(name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at;";
                var name = upsert.Parameters.Add("$name", SqliteType.Text);
                var value = upsert.Parameters.Add("$value", SqliteType.Text);
                upsert.Parameters.AddWithValue("$at", now);
                using var journal = connection.CreateCommand();
                journal.Transaction = transaction;
                journal.CommandText =
                    "INSERT INTO parameter_journal (name, old_value, new_value, changed_at, source_kind, source) VALUES ($name, $old, $new, $at, $kind, $source);";
                var journalName = journal.Parameters.Add("$name", SqliteType.Text);
                var old = journal.Parameters.Add("$old", SqliteType.Text);
                var @new = journal.Parameters.Add("$new", SqliteType.Text);
                journal.Parameters.AddWithValue("$at", now);
                journal.Parameters.AddWithValue("$kind", source.Kind);
                journal.Parameters.AddWithValue("$source", source.Detail);
                foreach (var change in changes)
                {
                    name.Value = change.Name;
                    value.Value = change.New;
                    upsert.ExecuteNonQuery();
                    journalName.Value = change.Name;
                    old.Value = change.Old;
                    @new.Value = change.New;
                    journal.ExecuteNonQuery();
                }

                return changes.Count;
            }
        );
    }

    public IReadOnlyList<ParameterJournalEntry> History(string name, int limit)
    {
        using var connection = store.OpenRead();
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT seq, name, old_value, new_value, changed_at, source_kind, source FROM parameter_journal WHERE name = $name COLLATE NOCASE ORDER BY seq DESC LIMIT $limit;";
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var entries = new List<ParameterJournalEntry>();
        while (reader.Read())
        {
            entries.Add(
                new ParameterJournalEntry(
                    reader.GetInt64(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.GetString(3),
                    DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture),
                    reader.GetString(5),
                    reader.GetString(6)
                )
            );
        }

        return entries;
    }

    public long JournalCount()
    {
        using var connection = store.OpenRead();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM parameter_journal;";
        return (long)command.ExecuteScalar()!;
    }
}
