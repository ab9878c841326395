using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using LeeQ.Epii.Platform.Contracts.Experiments;
using LeeQ.Epii.Platform.Contracts.Parameters;
using LeeQ.Epii.Platform.Contracts.Results;
using LeeQ.Epii.Platform.Host.Logging;
using LeeQ.Epii.Platform.Host.Values;

namespace LeeQ.Epii.Platform.Host.Execution;

/// <summary>
/// Runs experiments through a bounded queue: as many at once as the backend allows (one for
/// hardware), a fixed number waiting, the rest refused. Each run gets one parameter snapshot,
/// one seed and a cancellation token that fires on the experiment timeout, the client's
/// deadline or cancellation, and shutdown.
/// </summary>
internal sealed class RunCoordinator : IDisposable
{
    private readonly SetupRuntime _runtime;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _slots;
    private readonly int _capacity;
    private readonly CancellationTokenSource _shutdown = new();
    private int _admitted;
    private long _runCounter;

    public RunCoordinator(SetupRuntime runtime, ILoggerFactory loggerFactory)
    {
        _runtime = runtime;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger("LeeQ.Epii.Runs");
        var concurrency = Math.Max(1, Math.Min(runtime.Backend.MaxConcurrentExecutions, runtime.Settings.MaxConcurrentExperiments ?? runtime.Backend.MaxConcurrentExecutions));
        _slots = new SemaphoreSlim(concurrency, concurrency);
        _capacity = concurrency + runtime.Settings.QueueSize;
        Concurrency = concurrency;
    }

    public int Concurrency { get; }

    public int InFlight => Volatile.Read(ref _admitted);

    /// <summary>Cancels every queued and running experiment (used at shutdown after the grace).</summary>
    public void CancelAll() => _shutdown.Cancel();

    public async Task<RunRecord> RunAsync(RunRequest request, CancellationToken callCancelled)
    {
        if (Interlocked.Increment(ref _admitted) > _capacity)
        {
            Interlocked.Decrement(ref _admitted);
            throw new QueueFullException(_capacity);
        }

        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(callCancelled, _shutdown.Token);
            await _slots.WaitAsync(linked.Token).ConfigureAwait(false);
            try
            {
                return await RunAdmittedAsync(request, linked.Token).ConfigureAwait(false);
            }
            finally
            {
                _slots.Release();
            }
        }
        finally
        {
            Interlocked.Decrement(ref _admitted);
        }
    }

    private async Task<RunRecord> RunAdmittedAsync(RunRequest request, CancellationToken cancelled)
    {
        var runId = NewRunId();
        var snapshot = _runtime.Parameters.Snapshot();
        var args = request.Arguments;
        var seed = args.HasValue("seed") ? args.GetInt("seed") : snapshot.GetNullableInt(WellKnownParameters.Seed) ?? FreshSeed();
        var shots = (int)(args.HasValue("shots") ? args.GetInt("shots") : snapshot.GetInt(WellKnownParameters.ShotNumber));
        var name = request.Experiment.Descriptor.Name;
        using var timeout = new CancellationTokenSource(_runtime.Settings.ExperimentTimeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancelled, timeout.Token);
        var watch = Stopwatch.StartNew();
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
                Runner = new ChainRunner(this, seed, shots, linked.Token),
                Logger = _loggerFactory.CreateLogger(request.Experiment.GetType().FullName ?? name),
            };
            var outcome = await request.Experiment.RunAsync(context, linked.Token).ConfigureAwait(false);
            var (applied, note) = ApplyUpdates(outcome, runId);
            HostLog.RunSucceeded(_logger, runId, name, watch.Elapsed.TotalMilliseconds, applied.Count);
            return new RunRecord(runId, request.Experiment, outcome, seed, shots, watch.Elapsed, applied, note);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancelled.IsCancellationRequested)
        {
            HostLog.RunTimedOut(_logger, runId, name, _runtime.Settings.ExperimentTimeout.TotalSeconds);
            throw new ExperimentTimeoutException(name, _runtime.Settings.ExperimentTimeout);
        }
        catch (OperationCanceledException)
        {
            HostLog.RunCancelled(_logger, runId, name, watch.Elapsed.TotalMilliseconds);
            throw;
        }
    }

    /// <summary>Runs a child experiment of a calibration chain in the parent's slot.</summary>
    internal async Task<ExperimentOutcome> RunChildAsync(string experimentName, IReadOnlyDictionary<string, string> arguments, long seed, int shots, CancellationToken cancellationToken)
    {
        var experiment = _runtime.Experiments.Find(experimentName)
            ?? throw new ExperimentArgumentException("experiment", $"unknown experiment '{experimentName}' in a calibration chain");
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
            Runner = new ChainRunner(this, PerRunExecutor.DeriveSeed(seed, 1000), shots, cancellationToken),
            Logger = _loggerFactory.CreateLogger(experiment.GetType().FullName ?? experimentName),
        };
        var outcome = await experiment.RunAsync(context, cancellationToken).ConfigureAwait(false);
        ApplyUpdates(outcome, $"chain:{experiment.Descriptor.Name}");
        return outcome;
    }

    private (IReadOnlyList<CalibrationUpdate> Applied, string? Note) ApplyUpdates(ExperimentOutcome outcome, string source)
    {
        if (outcome.Updates.Count == 0)
        {
            return ([], outcome.UpdateNote);
        }

        var changes = outcome.Updates.ToDictionary(u => u.Parameter, u => (object?)u.Value, StringComparer.OrdinalIgnoreCase);
        var result = _runtime.Parameters.TryApplyTyped(changes);
        if (!result.Applied)
        {
            var note = "calibration updates were not written: " + string.Join("; ", result.Problems);
            HostLog.UpdatesRejected(_logger, source, note);
            return ([], note);
        }

        foreach (var (parameter, old, value) in result.Changes)
        {
            HostLog.ParameterChanged(_logger, parameter, ValueParser.Render(old), ValueParser.Render(value), source);
        }

        return (outcome.Updates, outcome.UpdateNote);
    }

    private string NewRunId() =>
        string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.UtcNow:yyyyMMddTHHmmssfff}-{Interlocked.Increment(ref _runCounter):D4}");

    private static long FreshSeed() => RandomNumberGenerator.GetInt32(int.MaxValue) * 2_147_483_648L + RandomNumberGenerator.GetInt32(int.MaxValue);

    public void Dispose()
    {
        _shutdown.Dispose();
        _slots.Dispose();
    }
}
