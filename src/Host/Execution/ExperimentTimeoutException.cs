namespace LeeQ.Epii.Platform.Host.Execution;

/// <summary>A run exceeded the configured experiment timeout.</summary>
internal sealed class ExperimentTimeoutException(string experiment, TimeSpan timeout)
    : Exception($"experiment '{experiment}' timed out after {timeout.TotalSeconds:0.###} s (setting 'timeout')")
{
    public TimeSpan Timeout { get; } = timeout;
}
