using LeeQ.Epii.Platform.Contracts.Backends;
using LeeQ.Epii.Platform.Contracts.Experiments;
using LeeQ.Epii.Platform.Contracts.Parameters;
using LeeQ.Epii.Platform.Contracts.Programs;

namespace LeeQ.Epii.Platform.Host.Execution;

/// <summary>
/// The executor an experiment gets for one run: the run's snapshot, shot count and seed. Each
/// call gets its own seed derived from the run seed and a call counter, so a run that executes
/// several batches is still reproducible from its one seed.
/// </summary>
internal sealed class PerRunExecutor(
    IQuantumBackend backend,
    ParameterSnapshot snapshot,
    long seed,
    int defaultShots,
    bool returnShots
) : IExperimentExecutor
{
    private int _calls;

    public Task<ExecutionResult> ExecuteAsync(
        IReadOnlyList<PulseProgram> programs,
        int? shots,
        CancellationToken cancellationToken
    ) => ExecuteAsync(programs, shots, returnShots, cancellationToken);

    /// <summary>Runs programs, with shots returned when the client asked for raw data or the experiment needs them.</summary>
    public async Task<ExecutionResult> ExecuteAsync(
        IReadOnlyList<PulseProgram> programs,
        int? shots,
        bool needShots,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(programs);
        var call = Interlocked.Increment(ref _calls);
        var request = new ExecutionRequest
        {
            Programs = programs,
            Shots = shots ?? defaultShots,
            Seed = DeriveSeed(seed, call),
            ReturnShots = returnShots || needShots,
            Parameters = snapshot,
        };
        return await backend.ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>SplitMix64 of the run seed and the call index: well-spread, deterministic.</summary>
    internal static long DeriveSeed(long seed, int call)
    {
        unchecked
        {
            var z = (ulong)seed + ((ulong)call * 0x9E3779B97F4A7C15UL);
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return (long)((z ^ (z >> 31)) & 0x7FFFFFFFFFFFFFFFUL);
        }
    }
}
