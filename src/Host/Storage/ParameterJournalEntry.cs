namespace LeeQ.Epii.Platform.Host.Storage;

/// <summary>One recorded parameter change; values in JSON spelling.</summary>
internal sealed record ParameterJournalEntry(
    long Sequence,
    string Name,
    string OldValue,
    string NewValue,
    DateTimeOffset ChangedAt,
    string SourceKind,
    string Source
);
