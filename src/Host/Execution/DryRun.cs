using LeeQ.Epii.Platform.Contracts.Backends;
using LeeQ.Epii.Platform.Contracts.Experiments;
using LeeQ.Epii.Platform.Contracts.Programs;
using LeeQ.Epii.Platform.Contracts.Results;
using Microsoft.Extensions.Logging.Abstractions;

namespace LeeQ.Epii.Platform.Host.Execution;

/// <summary>
/// Runs an experiment up to its first call to the backend (or to another experiment), which is
/// where experiments check argument combinations such as a sweep's bounds. Problems found so are
/// answered before the run is queued or recorded. Experiments return everything they change in
/// their outcome, so stopping one before it executes has no effect; a dry run that takes longer
/// than its budget is abandoned and the real run checks the arguments instead.
/// </summary>
internal static class DryRun
{
    private static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(250);

    /// <summary>The argument problem the experiment reports before executing, or null.</summary>
    public static async Task<ExperimentArgumentException?> FindArgumentProblemAsync(
        IExperiment experiment,
        ExperimentArguments arguments,
        SetupRuntime runtime
    )
    {
        using var budget = new CancellationTokenSource(Budget);
        var context = new ExperimentContext
        {
            Arguments = arguments,
            Parameters = runtime.Parameters.Snapshot(),
            Backend = runtime.Backend.Info,
            Executor = new StopAtExecution(),
            Runner = new StopAtExecution(),
            Logger = NullLogger.Instance,
        };
        try
        {
            await RunCoordinator
                .StartOnOwnThread(() => experiment.RunAsync(context, budget.Token))
                .WaitAsync(budget.Token)
                .ConfigureAwait(false);
            return null;
        }
        catch (ExperimentArgumentException problem)
        {
            return problem;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Reached the backend, ran out of budget, or failed otherwise: the real run decides.
            return null;
        }
    }

    private sealed class ExecutionReached : Exception;

    private sealed class StopAtExecution : IExperimentExecutor, IExperimentRunner
    {
        public Task<ExecutionResult> ExecuteAsync(
            IReadOnlyList<PulseProgram> programs,
            int? shots,
            CancellationToken cancellationToken
        ) => throw new ExecutionReached();

        public Task<ExecutionResult> ExecuteAsync(
            IReadOnlyList<PulseProgram> programs,
            int? shots,
            bool returnShots,
            CancellationToken cancellationToken
        ) => throw new ExecutionReached();

        public Task<ExperimentOutcome> RunAsync(
            string experiment,
            IReadOnlyDictionary<string, string> arguments,
            CancellationToken cancellationToken
        ) => throw new ExecutionReached();
    }
}
