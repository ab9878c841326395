namespace LeeQ.Epii.Platform.Host.Execution;

/// <summary>Why a run stopped before finishing.</summary>
internal enum CancellationCause
{
    /// <summary>The client's deadline passed.</summary>
    Deadline,

    /// <summary>CancelRun asked for it.</summary>
    Request,

    /// <summary>The service is shutting down.</summary>
    Shutdown,
}
