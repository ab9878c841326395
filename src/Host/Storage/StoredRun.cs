namespace LeeQ.Epii.Platform.Host.Storage;

/// <summary>A run as recorded in the store.</summary>
internal sealed record StoredRun
{
    public required string RunId { get; init; }

    public required string Experiment { get; init; }

    public required string Status { get; init; }

    public required DateTimeOffset QueuedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public double? DurationSeconds { get; init; }

    public long? Seed { get; init; }

    public string? Error { get; init; }

    public string? Backend { get; init; }

    public required string RequestParametersJson { get; init; }

    public bool ReturnPlots { get; init; }

    public bool ReturnRawData { get; init; }

    public string? ResolvedArgumentsJson { get; init; }

    public string? ParameterSnapshotJson { get; init; }

    public string? VersionsJson { get; init; }

    public byte[]? Response { get; init; }

    public string? CalibrationUpdatesJson { get; init; }
}
