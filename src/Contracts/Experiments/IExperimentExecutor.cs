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
    Task<ExecutionResult> ExecuteAsync(
        IReadOnlyList<PulseProgram> programs,
        int? shots,
        CancellationToken cancellationToken
    );

    /// <summary>
    /// Runs <paramref name="programs"/> and states whether the experiment itself needs per-shot
    /// values (a readout discriminator fitted on single shots, for example), independent of the
    /// client's return_raw_data flag. Executors that cannot honour it run the programs as
    /// <see cref="ExecuteAsync(IReadOnlyList{PulseProgram}, int?, CancellationToken)"/> does, so
    /// callers must handle outcomes without shots.
    /// </summary>
    /// <param name="programs">The programs.</param>
    /// <param name="shots">Shots per program, or null for <c>status.shot_number</c>.</param>
    /// <param name="returnShots">True to ask for per-shot IQ values and assigned states.</param>
    /// <param name="cancellationToken">Cancelled by timeout, client deadline or shutdown.</param>
    Task<ExecutionResult> ExecuteAsync(
        IReadOnlyList<PulseProgram> programs,
        int? shots,
        bool returnShots,
        CancellationToken cancellationToken
    ) => ExecuteAsync(programs, shots, cancellationToken);
}
