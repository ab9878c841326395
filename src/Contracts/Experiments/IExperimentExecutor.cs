using LeeQ.Epii.Platform.Contracts.Backends;
using LeeQ.Epii.Platform.Contracts.Programs;

namespace LeeQ.Epii.Platform.Contracts.Experiments;

/// <summary>
/// Runs programs on the setup's backend for an experiment. The host fills in the shot count,
/// seed, parameter snapshot and whether shots are returned.
/// </summary>
public interface IExperimentExecutor
{
    /// <summary>Runs <paramref name="programs"/> (one per sweep point).</summary>
    /// <param name="programs">The programs.</param>
    /// <param name="shots">Shots per program, or null for <c>status.shot_number</c>.</param>
    /// <param name="cancellationToken">Cancelled by timeout, client deadline or shutdown.</param>
    Task<ExecutionResult> ExecuteAsync(IReadOnlyList<PulseProgram> programs, int? shots, CancellationToken cancellationToken);
}
