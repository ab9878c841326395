namespace LeeQ.Epii.Platform.Host.Storage;

/// <summary>Who made a parameter change: a client call, a run, or the system itself.</summary>
internal sealed record ChangeSource(string Kind, string Detail)
{
    public static ChangeSource Client(string peer) => new("client", peer);

    public static ChangeSource Run(string runId) => new("run", runId);

    public static ChangeSource System(string reason) => new("system", reason);
}
