namespace LeeQ.Epii.Platform.Contracts.Backends;

/// <summary>Whether a backend can take work now, and why not.</summary>
public sealed record BackendHealth(bool Healthy, string Detail)
{
    /// <summary>A healthy backend.</summary>
    public static BackendHealth Ok(string detail = "ready") => new(true, detail);
}
