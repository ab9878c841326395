using LeeQ.Epii.Platform.Contracts.Parameters;
using LeeQ.Epii.Platform.Contracts.Programs;

namespace LeeQ.Epii.Platform.Contracts.Backends;

/// <summary>A batch of programs (usually one per sweep point) to run with the same settings.</summary>
public sealed record ExecutionRequest
{
    /// <summary>The programs, in sweep order.</summary>
    public required IReadOnlyList<PulseProgram> Programs { get; init; }

    /// <summary>Shots per program.</summary>
    public required int Shots { get; init; }

    /// <summary>Seed for every random draw; the same seed and request give identical results.</summary>
    public required long Seed { get; init; }

    /// <summary>Whether per-shot IQ values and assigned states are wanted.</summary>
    public bool ReturnShots { get; init; }

    /// <summary>Parameter values the run sees (device settings, ground truth of a simulator, status flags).</summary>
    public required ParameterSnapshot Parameters { get; init; }
}
