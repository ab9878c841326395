namespace LeeQ.Epii.Platform.Host.Execution;

/// <summary>A run was cancelled; <see cref="Cause"/> says by what.</summary>
internal sealed class RunCancelledException(string runId, CancellationCause cause)
    : OperationCanceledException(
        cause switch
        {
            CancellationCause.Deadline => $"run {runId} was cancelled: the client's deadline passed",
            CancellationCause.Request => $"run {runId} was cancelled through CancelRun",
            _ => $"run {runId} was cancelled: the service is shutting down",
        }
    )
{
    public string RunId { get; } = runId;

    public CancellationCause Cause { get; } = cause;
}
