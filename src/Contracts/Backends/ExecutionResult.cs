namespace LeeQ.Epii.Platform.Contracts.Backends;

/// <summary>Results of an <see cref="ExecutionRequest"/>, one entry per program, in request order.</summary>
/// <param name="Programs">Per-program outcomes.</param>
/// <param name="Seed">The seed that was used.</param>
public sealed record ExecutionResult(IReadOnlyList<ProgramOutcome> Programs, long Seed);
