namespace LeeQ.Epii.Platform.Host.Storage;

/// <summary>How many finished runs to keep; runs in progress are never pruned.</summary>
internal sealed record RetentionPolicy(int? MaxRuns, TimeSpan? MaxAge)
{
    public static RetentionPolicy Default { get; } = new(10_000, TimeSpan.FromDays(90));
}
