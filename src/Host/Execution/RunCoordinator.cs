using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Google.Protobuf;
using LeeQ.Epii.Platform.Contracts.Experiments;
using LeeQ.Epii.Platform.Contracts.Parameters;
using LeeQ.Epii.Platform.Contracts.Results;
using LeeQ.Epii.Platform.Host.Logging;
using LeeQ.Epii.Platform.Host.Services;
using LeeQ.Epii.Platform.Host.Storage;
using LeeQ.Epii.Platform.Host.Values;

namespace LeeQ.Epii.Platform.Host.Execution;

/// <summary>
/// Runs experiments through a bounded queue: as many at once as the backend allows (one for
/// hardware), a fixed number waiting, the rest refused. Each run is recorded before it starts and
/// completed when it ends, gets one parameter snapshot and one seed, and is cancelled by the
/// experiment timeout, the client's deadline, CancelRun or shutdown — not by a client that merely
/// goes away, so its result can still be fetched by run id.
/// </summary>
internal sealed class RunCoordinator : IDisposable
{
    private readonly SetupRuntime _runtime;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _slots;
    private readonly int _capacity;
    private readonly CancellationTokenSource _shutdown = new();
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _active = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _cancelRequested = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _experimentNames = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _finished = new(StringComparer.Ordinal);
    private int _admitted;
    private long _runCounter;

    public RunCoordinator(SetupRuntime runtime, ILoggerFactory loggerFactory)
    {
        _runtime = runtime;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger("LeeQ.Epii.Runs");
        var backendLimit = runtime.Backend.MaxConcurrentExecutions;
        var concurrency = Math.Max(
            1,
            Math.Min(backendLimit, runtime.Settings.MaxConcurrentExperiments ?? backendLimit)
        );
        _slots = new SemaphoreSlim(concurrency, concurrency);
        _capacity = concurrency + runtime.Settings.QueueSize;
        Concurrency = concurrency;
    }

    public int Concurrency { get; }

    public int InFlight => Volatile.Read(ref _admitted);

    /// <summary>How many runs were in progress when shutdown cancelled them.</summary>
    public int CancelledAtShutdown { get; private set; }

    /// <summary>Cancels every queued and running experiment (at shutdown, shortly before the grace ends).</summary>
    public void CancelAll()
    {
        lock (_shutdown)
        {
            if (!_shutdown.IsCancellationRequested)
            {
                CancelledAtShutdown = InFlight;
                _shutdown.Cancel();
            }
        }
    }

    /// <summary>Cancels one queued or running run; false when it is not in progress.</summary>
    public bool Cancel(string runId)
    {
        if (!_active.TryGetValue(runId, out var source))
        {
            return false;
        }

        _cancelRequested[runId] = true;
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            return false;
        }

        return true;
    }

    /// <param name="request">The validated request.</param>
    /// <param name="rawParameters">The parameters as the client sent them (recorded as is).</param>
    /// <param name="onAdmitted">Called with the run id once the run is recorded.</param>
    /// <param name="deadline">Cancelled when the client's deadline passes.</param>
    public async Task<RunRecord> RunAsync(
        RunRequest request,
        IReadOnlyDictionary<string, string> rawParameters,
        Func<string, Task>? onAdmitted,
        CancellationToken deadline
    )
    {
        if (Interlocked.Increment(ref _admitted) > _capacity)
        {
            Interlocked.Decrement(ref _admitted);
            throw new QueueFullException(_capacity);
        }

        var runId = NewRunId();
        var name = request.Experiment.Descriptor.Name;
        var watch = Stopwatch.StartNew();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(deadline, _shutdown.Token);
        _active[runId] = cancel;
        _experimentNames[runId] = name;
        Metrics.EpiiMetrics.ExperimentsInFlight.Inc();
        try
        {
            _runtime.Runs.Insert(
                new StoredRun
                {
                    RunId = runId,
                    Experiment = name,
                    Status = RunStatus.Queued,
                    QueuedAt = DateTimeOffset.UtcNow,
                    Backend = _runtime.Backend.Info.Name,
                    RequestParametersJson = JsonSerializer.Serialize(rawParameters),
                    ReturnPlots = request.ReturnPlots,
                    ReturnRawData = request.ReturnRawData,
                }
            );
            if (onAdmitted is not null)
            {
                await onAdmitted(runId).ConfigureAwait(false);
            }

            await _slots.WaitAsync(cancel.Token).ConfigureAwait(false);
            try
            {
                return await RunAdmittedAsync(runId, request, cancel.Token, watch).ConfigureAwait(false);
            }
            finally
            {
                _slots.Release();
            }
        }
        catch (OperationCanceledException ex) when (ex is not RunCancelledException && cancel.IsCancellationRequested)
        {
            var cause = Cause(runId);
            HostLog.RunCancelled(_logger, runId, name, watch.Elapsed.TotalMilliseconds);
            Complete(runId, RunStatus.Cancelled, watch, new RunCancelledException(runId, cause).Message, null, null);
            throw new RunCancelledException(runId, cause);
        }
        finally
        {
            _active.TryRemove(runId, out _);
            _cancelRequested.TryRemove(runId, out _);
            _experimentNames.TryRemove(runId, out _);
            _finished.TryRemove(runId, out _);
            Metrics.EpiiMetrics.ExperimentsInFlight.Dec();
            Interlocked.Decrement(ref _admitted);
        }
    }

    private async Task<RunRecord> RunAdmittedAsync(
        string runId,
        RunRequest request,
        CancellationToken cancelled,
        Stopwatch watch
    )
    {
        var snapshot = _runtime.Parameters.Snapshot();
        var args = request.Arguments;
        var seed = args.HasValue("seed")
            ? args.GetInt("seed")
            : snapshot.GetNullableInt(WellKnownParameters.Seed) ?? FreshSeed();
        var shots = (int)(
            args.HasValue("shots") ? args.GetInt("shots") : snapshot.GetInt(WellKnownParameters.ShotNumber)
        );
        var name = request.Experiment.Descriptor.Name;
        _runtime.Runs.MarkStarted(
            runId,
            seed,
            RenderJson(args.Values),
            RenderJson(snapshot.Values),
            JsonSerializer.Serialize(_runtime.Versions)
        );
        using var timeout = new CancellationTokenSource(_runtime.Settings.ExperimentTimeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancelled, timeout.Token);
        HostLog.RunStarted(_logger, runId, name, seed, shots);
        try
        {
            var context = new ExperimentContext
            {
                Arguments = args,
                Parameters = snapshot,
                Backend = _runtime.Backend.Info,
                Executor = new PerRunExecutor(_runtime.Backend, snapshot, seed, shots, request.ReturnRawData),
                ReturnPlots = request.ReturnPlots,
                ReturnRawData = request.ReturnRawData,
                Seed = seed,
                Runner = new ChainRunner(this, runId, seed, shots, linked.Token),
                Logger = _loggerFactory.CreateLogger(request.Experiment.GetType().FullName ?? name),
            };
            var outcome = await RunCooperativelyAsync(request.Experiment, context, runId, linked.Token)
                .ConfigureAwait(false);
            var (applied, note) = ApplyUpdates(outcome, ChangeSource.Run(runId));
            var record = new RunRecord(runId, request.Experiment, outcome, seed, shots, watch.Elapsed, applied, note);
            var response = ResponseBuilder.Build(record, _runtime.Backend.Info.Name, request.ReturnPlots, _logger);
            Complete(
                runId,
                RunStatus.Succeeded,
                watch,
                null,
                response.ToByteArray(),
                JsonSerializer.Serialize(applied.ToDictionary(u => u.Parameter, u => ValueParser.Render(u.Value)))
            );
            HostLog.RunSucceeded(_logger, runId, name, watch.Elapsed.TotalMilliseconds, applied.Count);
            return record with { Response = response };
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancelled.IsCancellationRequested)
        {
            HostLog.RunTimedOut(_logger, runId, name, _runtime.Settings.ExperimentTimeout.TotalSeconds);
            var error = new ExperimentTimeoutException(name, _runtime.Settings.ExperimentTimeout);
            Complete(runId, RunStatus.TimedOut, watch, error.Message, null, null);
            throw error;
        }
        catch (ExperimentArgumentException ex)
        {
            Complete(runId, RunStatus.Failed, watch, $"invalid arguments: {ex.Message}", null, null);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Complete(runId, RunStatus.Failed, watch, $"internal error ({ex.GetType().Name})", null, null);
            throw;
        }
    }

    /// <summary>How long a cancelled experiment may take to stop before its run is abandoned.</summary>
    internal static readonly TimeSpan AbandonAfter = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Runs the experiment off the caller's thread. When the run is cancelled and the experiment
    /// does not stop within <see cref="AbandonAfter"/>, the run is given up: its slot is freed and
    /// the fault is logged as the plugin's, so one experiment that ignores cancellation cannot hold
    /// the queue. Its computation may go on in the background until it returns.
    /// </summary>
    private async Task<ExperimentOutcome> RunCooperativelyAsync(
        IExperiment experiment,
        ExperimentContext context,
        string runId,
        CancellationToken cancelled
    )
    {
        var task = StartOnOwnThread(() => experiment.RunAsync(context, cancelled));
        try
        {
            return await task.WaitAsync(cancelled).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!task.IsCompleted)
        {
            if (
                await Task.WhenAny(task, Task.Delay(AbandonAfter, CancellationToken.None)).ConfigureAwait(false) == task
            )
            {
                return await task.ConfigureAwait(false);
            }

            HostLog.RunAbandoned(_logger, runId, experiment.Descriptor.Name, AbandonAfter.TotalSeconds);
            _ = task.ContinueWith(
                t => t.Exception,
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted,
                TaskScheduler.Default
            );
            throw;
        }
    }

    /// <summary>
    /// Starts an experiment on a thread of its own rather than the thread pool: experiments run
    /// for milliseconds to minutes, and one that blocks must not starve the pool the server
    /// itself needs.
    /// </summary>
    internal static Task<T> StartOnOwnThread<T>(Func<Task<T>> start) =>
        Task
            .Factory.StartNew(start, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)
            .Unwrap();

    /// <summary>Runs a child experiment of a calibration chain in the parent's slot.</summary>
    internal async Task<ExperimentOutcome> RunChildAsync(
        string parentRunId,
        string experimentName,
        IReadOnlyDictionary<string, string> arguments,
        long seed,
        int shots,
        CancellationToken cancellationToken
    )
    {
        var experiment = _runtime.Experiments.Find(experimentName)
            ?? throw new ExperimentArgumentException(
                "experiment",
                $"unknown experiment '{experimentName}' in a calibration chain"
            );
        var bound = ArgumentBinder.Bind(experiment.Descriptor, arguments, _runtime.QubitCount, out var problems);
        if (problems.Count > 0)
        {
            throw new ExperimentArgumentException(experimentName, string.Join("; ", problems));
        }

        var snapshot = _runtime.Parameters.Snapshot();
        var context = new ExperimentContext
        {
            Arguments = bound,
            Parameters = snapshot,
            Backend = _runtime.Backend.Info,
            Executor = new PerRunExecutor(_runtime.Backend, snapshot, seed, shots, false),
            Seed = seed,
            Runner = new ChainRunner(
                this,
                parentRunId,
                PerRunExecutor.DeriveSeed(seed, 1000),
                shots,
                cancellationToken
            ),
            Logger = _loggerFactory.CreateLogger(experiment.GetType().FullName ?? experimentName),
        };
        var outcome = await experiment.RunAsync(context, cancellationToken).ConfigureAwait(false);
        ApplyUpdates(outcome, ChangeSource.Run($"{parentRunId}/{experiment.Descriptor.Name}"));
        return outcome;
    }

    private (IReadOnlyList<CalibrationUpdate> Applied, string? Note) ApplyUpdates(
        ExperimentOutcome outcome,
        ChangeSource source
    )
    {
        if (outcome.Updates.Count == 0)
        {
            return ([], outcome.UpdateNote);
        }

        var changes = outcome.Updates.ToDictionary(
            u => u.Parameter,
            u => (object?)u.Value,
            StringComparer.OrdinalIgnoreCase
        );
        var result = _runtime.Parameters.TryApplyTyped(changes, source);
        if (!result.Applied)
        {
            var note = "calibration updates were not written: " + string.Join("; ", result.Problems);
            HostLog.UpdatesRejected(_logger, source.Detail, note);
            return ([], note);
        }

        foreach (var (parameter, old, value) in result.Changes)
        {
            HostLog.ParameterChanged(
                _logger,
                parameter,
                ValueParser.Render(old),
                ValueParser.Render(value),
                $"run {source.Detail}"
            );
        }

        return (outcome.Updates, outcome.UpdateNote);
    }

    /// <summary>
    /// At exit: records every run still in progress as cancelled, so that no record is left
    /// "running" by a daemon that stopped on purpose.
    /// </summary>
    public int RecordUnfinishedAsCancelled()
    {
        var count = 0;
        foreach (var runId in _active.Keys)
        {
            if (_finished.ContainsKey(runId))
            {
                continue;
            }

            try
            {
                _runtime.Runs.Complete(
                    runId,
                    RunStatus.Cancelled,
                    0,
                    "cancelled: the service stopped before the run could finish",
                    null,
                    null
                );
                count++;
            }
            catch (StoreUnavailableException ex)
            {
                HostLog.RunRecordFailed(_logger, ex, runId);
            }
        }

        return count;
    }

    private void Complete(
        string runId,
        string status,
        Stopwatch watch,
        string? error,
        byte[]? response,
        string? updatesJson
    )
    {
        _finished[runId] = true;
        var experiment = _experimentNames.GetValueOrDefault(runId, "unknown");
        Metrics.EpiiMetrics.Experiments.WithLabels(experiment, status).Inc();
        Metrics.EpiiMetrics.ExperimentDuration.WithLabels(experiment).Observe(watch.Elapsed.TotalSeconds);
        try
        {
            _runtime.Runs.Complete(runId, status, watch.Elapsed.TotalSeconds, error, response, updatesJson);
        }
        catch (StoreUnavailableException ex)
        {
            HostLog.RunRecordFailed(_logger, ex, runId);
        }
    }

    private CancellationCause Cause(string runId) =>
        _cancelRequested.ContainsKey(runId) ? CancellationCause.Request
        : _shutdown.IsCancellationRequested ? CancellationCause.Shutdown
        : CancellationCause.Deadline;

    private static string RenderJson(IReadOnlyDictionary<string, object?> values) =>
        JsonSerializer.Serialize(
            values
                .OrderBy(v => v.Key, StringComparer.Ordinal)
                .ToDictionary(v => v.Key, v => ValueParser.Render(v.Value))
        );

    private string NewRunId() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{DateTimeOffset.UtcNow:yyyyMMddTHHmmssfff}-{Interlocked.Increment(ref _runCounter):D4}-{RandomNumberGenerator.GetHexString(4, lowercase: true)}"
        );

    private static long FreshSeed() =>
        ((long)RandomNumberGenerator.GetInt32(int.MaxValue) << 31) | (uint)RandomNumberGenerator.GetInt32(int.MaxValue);

    public void Dispose()
    {
        _shutdown.Dispose();
        _slots.Dispose();
    }
}
