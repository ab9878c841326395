using LeeQ.Epii.Platform.Contracts.Experiments;
using LeeQ.Epii.Platform.Contracts.Results;
using LeeQ.Epii.V1;

namespace LeeQ.Epii.Platform.Host.Execution;

/// <summary>What the coordinator knows about a finished run, and the response built from it.</summary>
internal sealed record RunRecord(
    string RunId,
    IExperiment Experiment,
    ExperimentOutcome Outcome,
    long Seed,
    int Shots,
    TimeSpan Duration,
    IReadOnlyList<CalibrationUpdate> AppliedUpdates,
    string? UpdateNote
)
{
    public ExperimentResponse? Response { get; init; }
}
