namespace LeeQ.Epii.Platform.Host.Storage;

/// <summary>Lifecycle states of a recorded run, spelled as the runs service reports them.</summary>
internal static class RunStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
    public const string TimedOut = "timed_out";

    public static IReadOnlyList<string> All { get; } = [Queued, Running, Succeeded, Failed, Cancelled, TimedOut];

    public static bool IsFinished(string status) => status is not (Queued or Running);
}
