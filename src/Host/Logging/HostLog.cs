namespace LeeQ.Epii.Platform.Host.Logging;

/// <summary>
/// Every log line the host writes, with a stable event id (the ids are part of the operations
/// contract: alerting rules may match them). Levels: Error for our own faults, Warning for
/// problems an operator should look at, Information for lifecycle and runs, Debug for calls.
/// </summary>
internal static partial class HostLog
{
    [LoggerMessage(
        EventId = 1000,
        EventName = "Starting",
        Level = LogLevel.Information,
        Message = "Starting leeq-epii {Version} for setup '{SetupName}' from {ConfigPath}"
    )]
    public static partial void Starting(ILogger logger, string version, string setupName, string configPath);

    [LoggerMessage(
        EventId = 1001,
        EventName = "PluginLoaded",
        Level = LogLevel.Information,
        Message = "Loaded plugin '{PluginId}' {PluginVersion} from {Path}"
    )]
    public static partial void PluginLoaded(ILogger logger, string pluginId, string pluginVersion, string path);

    [LoggerMessage(
        EventId = 1002,
        EventName = "PluginLoadFailed",
        Level = LogLevel.Warning,
        Message = "Plugin at {Path} was not loaded: {Reason}"
    )]
    public static partial void PluginLoadFailed(ILogger logger, string path, string reason);

    [LoggerMessage(
        EventId = 1003,
        EventName = "ConfigWarning",
        Level = LogLevel.Warning,
        Message = "Configuration: {Location}: {Problem}"
    )]
    public static partial void ConfigWarning(ILogger logger, string location, string problem);

    [LoggerMessage(
        EventId = 1004,
        EventName = "ConfigError",
        Level = LogLevel.Error,
        Message = "Configuration: {Location}: {Problem}"
    )]
    public static partial void ConfigError(ILogger logger, string location, string problem);

    [LoggerMessage(
        EventId = 1005,
        EventName = "SetupReady",
        Level = LogLevel.Information,
        Message = "Setup '{SetupName}' ready: {BackendKind} backend '{BackendName}', {QubitCount} qubits, {ExperimentCount} experiments"
    )]
    public static partial void SetupReady(
        ILogger logger,
        string setupName,
        string backendKind,
        string backendName,
        int qubitCount,
        int experimentCount
    );

    [LoggerMessage(
        EventId = 1006,
        EventName = "Listening",
        Level = LogLevel.Information,
        Message = "Serving epii.v1 on {Address}:{Port}"
    )]
    public static partial void Listening(ILogger logger, string address, int port);

    [LoggerMessage(
        EventId = 1007,
        EventName = "StartupFailed",
        Level = LogLevel.Critical,
        Message = "Start-up failed: {Reason}"
    )]
    public static partial void StartupFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 1008, EventName = "ExperimentConflict", Level = LogLevel.Warning, Message = "{Conflict}")]
    public static partial void ExperimentConflict(ILogger logger, string conflict);

    [LoggerMessage(
        EventId = 1009,
        EventName = "Stopping",
        Level = LogLevel.Information,
        Message = "Stopping: {InFlight} experiment(s) in flight, grace {GraceSeconds} s"
    )]
    public static partial void Stopping(ILogger logger, int inFlight, double graceSeconds);

    [LoggerMessage(
        EventId = 2000,
        EventName = "RunStarted",
        Level = LogLevel.Information,
        Message = "Run {RunId}: {Experiment} started (seed {Seed}, {Shots} shots)"
    )]
    public static partial void RunStarted(ILogger logger, string runId, string experiment, long seed, int shots);

    [LoggerMessage(
        EventId = 2001,
        EventName = "RunSucceeded",
        Level = LogLevel.Information,
        Message = "Run {RunId}: {Experiment} succeeded in {DurationMs:0.0} ms, {UpdateCount} calibration update(s)"
    )]
    public static partial void RunSucceeded(
        ILogger logger,
        string runId,
        string experiment,
        double durationMs,
        int updateCount
    );

    [LoggerMessage(
        EventId = 2002,
        EventName = "RunTimedOut",
        Level = LogLevel.Warning,
        Message = "Run {RunId}: {Experiment} timed out after {TimeoutSeconds} s"
    )]
    public static partial void RunTimedOut(ILogger logger, string runId, string experiment, double timeoutSeconds);

    [LoggerMessage(
        EventId = 2003,
        EventName = "RunCancelled",
        Level = LogLevel.Information,
        Message = "Run {RunId}: {Experiment} cancelled after {DurationMs:0.0} ms"
    )]
    public static partial void RunCancelled(ILogger logger, string runId, string experiment, double durationMs);

    [LoggerMessage(
        EventId = 2004,
        EventName = "RunFailed",
        Level = LogLevel.Error,
        Message = "Experiment {Experiment} failed with an internal error"
    )]
    public static partial void RunFailed(ILogger logger, Exception exception, string experiment);

    [LoggerMessage(
        EventId = 2005,
        EventName = "UpdatesRejected",
        Level = LogLevel.Warning,
        Message = "{Source}: {Note}"
    )]
    public static partial void UpdatesRejected(ILogger logger, string source, string note);

    [LoggerMessage(
        EventId = 2006,
        EventName = "UndeclaredOutput",
        Level = LogLevel.Error,
        Message = "Experiment {Experiment} returned undeclared output '{Output}'; it was dropped"
    )]
    public static partial void UndeclaredOutput(ILogger logger, string experiment, string output);

    [LoggerMessage(
        EventId = 2007,
        EventName = "PlotFailed",
        Level = LogLevel.Error,
        Message = "Rendering figure '{Title}' of {Experiment} failed"
    )]
    public static partial void PlotFailed(ILogger logger, Exception exception, string title, string experiment);

    [LoggerMessage(
        EventId = 3000,
        EventName = "ParameterChanged",
        Level = LogLevel.Information,
        Message = "Parameter {Parameter}: {OldValue} -> {NewValue} ({Source})"
    )]
    public static partial void ParameterChanged(
        ILogger logger,
        string parameter,
        string oldValue,
        string newValue,
        string source
    );

    [LoggerMessage(
        EventId = 3001,
        EventName = "ParameterChangeRejected",
        Level = LogLevel.Information,
        Message = "SetParameters rejected: {Problems}"
    )]
    public static partial void ParameterChangeRejected(ILogger logger, string problems);

    [LoggerMessage(
        EventId = 4000,
        EventName = "GrpcCall",
        Level = LogLevel.Debug,
        Message = "gRPC call {Method} from {Peer}"
    )]
    public static partial void GrpcCall(ILogger logger, string method, string peer);

    [LoggerMessage(
        EventId = 4001,
        EventName = "RequestRejected",
        Level = LogLevel.Information,
        Message = "{Method}: {Status}: {Detail}"
    )]
    public static partial void RequestRejected(ILogger logger, string method, string status, string detail);

    [LoggerMessage(
        EventId = 2008,
        EventName = "RunRecordFailed",
        Level = LogLevel.Error,
        Message = "Recording the end of run {RunId} failed"
    )]
    public static partial void RunRecordFailed(ILogger logger, Exception exception, string runId);

    [LoggerMessage(
        EventId = 3002,
        EventName = "StoredValueDropped",
        Level = LogLevel.Warning,
        Message = "Parameters: {Note}"
    )]
    public static partial void StoredValueDropped(ILogger logger, string note);

    [LoggerMessage(
        EventId = 3003,
        EventName = "StoreOpened",
        Level = LogLevel.Information,
        Message = "State store {Path}: {ParameterCount} stored parameter values, {InterruptedRuns} interrupted run(s) closed"
    )]
    public static partial void StoreOpened(ILogger logger, string path, int parameterCount, int interruptedRuns);

    [LoggerMessage(
        EventId = 1010,
        EventName = "ReloadApplied",
        Level = LogLevel.Information,
        Message = "Reload: {Setting} changed from {OldValue} to {NewValue}"
    )]
    public static partial void ReloadApplied(ILogger logger, string setting, string oldValue, string newValue);

    [LoggerMessage(
        EventId = 1011,
        EventName = "ReloadDone",
        Level = LogLevel.Information,
        Message = "Reload finished: {Remark}"
    )]
    public static partial void ReloadDone(ILogger logger, string remark);

    [LoggerMessage(
        EventId = 1012,
        EventName = "ReloadRejected",
        Level = LogLevel.Warning,
        Message = "Reload: {ConfigPath} is not valid, nothing changed: {Problems}"
    )]
    public static partial void ReloadRejected(ILogger logger, string configPath, string problems);

    [LoggerMessage(
        EventId = 1013,
        EventName = "StartupChecksSkipped",
        Level = LogLevel.Warning,
        Message = "Start-up health checks skipped (--no-health-checks)"
    )]
    public static partial void StartupChecksSkipped(ILogger logger);

    [LoggerMessage(
        EventId = 1014,
        EventName = "StartupCheck",
        Level = LogLevel.Information,
        Message = "Start-up check {Check}"
    )]
    public static partial void StartupCheck(ILogger logger, string check);

    [LoggerMessage(EventId = 1015, EventName = "StalePidFile", Level = LogLevel.Warning, Message = "{Note}")]
    public static partial void StalePidFile(ILogger logger, string note);

    [LoggerMessage(
        EventId = 1016,
        EventName = "Stopped",
        Level = LogLevel.Information,
        Message = "Stopped cleanly; {Cancelled} run(s) were cancelled at the end of the grace"
    )]
    public static partial void Stopped(ILogger logger, int cancelled);

    [LoggerMessage(
        EventId = 4002,
        EventName = "Unauthenticated",
        Level = LogLevel.Warning,
        Message = "Refused {Path} from {Peer}: no valid API key"
    )]
    public static partial void Unauthenticated(ILogger logger, string path, string peer);

    [LoggerMessage(
        EventId = 1017,
        EventName = "MetricsListening",
        Level = LogLevel.Information,
        Message = "Serving Prometheus metrics on http://{Address}:{Port}/metrics"
    )]
    public static partial void MetricsListening(ILogger logger, string address, int port);

    [LoggerMessage(
        EventId = 2009,
        EventName = "RunAbandoned",
        Level = LogLevel.Error,
        Message = "Run {RunId}: {Experiment} did not stop within {Seconds} s of being cancelled; the run is given up and its slot freed (the plugin does not honour cancellation)"
    )]
    public static partial void RunAbandoned(ILogger logger, string runId, string experiment, double seconds);
}
