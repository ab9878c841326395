using LeeQ.Epii.Platform.Contracts.Experiments;
using LeeQ.Epii.Platform.Contracts.Results;

namespace LeeQ.Epii.Platform.Host.Execution;

/// <summary>Lets a calibration chain run child experiments inside its own run.</summary>
internal sealed class ChainRunner(
    RunCoordinator coordinator,
    string parentRunId,
    long seed,
    int shots,
    CancellationToken runCancelled
) : IExperimentRunner
{
    private int _children;

    public Task<ExperimentOutcome> RunAsync(
        string experiment,
        IReadOnlyDictionary<string, string> arguments,
        CancellationToken cancellationToken
    )
    {
        var childSeed = PerRunExecutor.DeriveSeed(seed, 100 + Interlocked.Increment(ref _children));
        var token = cancellationToken.CanBeCanceled ? cancellationToken : runCancelled;
        return coordinator.RunChildAsync(parentRunId, experiment, arguments, childSeed, shots, token);
    }
}
