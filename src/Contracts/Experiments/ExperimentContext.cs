using LeeQ.Epii.Platform.Contracts.Backends;
using LeeQ.Epii.Platform.Contracts.Parameters;
using Microsoft.Extensions.Logging;

namespace LeeQ.Epii.Platform.Contracts.Experiments;

/// <summary>What an experiment is given for one run.</summary>
public sealed record ExperimentContext
{
    /// <summary>Parsed, validated and defaulted arguments.</summary>
    public required ExperimentArguments Arguments { get; init; }

    /// <summary>Parameter values at the start of the run (calibration of every qubit, status).</summary>
    public required ParameterSnapshot Parameters { get; init; }

    /// <summary>The backend running the programs.</summary>
    public required BackendInfo Backend { get; init; }

    /// <summary>Runs programs on the backend.</summary>
    public required IExperimentExecutor Executor { get; init; }

    /// <summary>Whether the client asked for plots; without it no plot work should be done.</summary>
    public bool ReturnPlots { get; init; }

    /// <summary>Whether the client asked for per-shot data.</summary>
    public bool ReturnRawData { get; init; }

    /// <summary>Seed of this run (every random choice an experiment makes should derive from it).</summary>
    public long Seed { get; init; }

    /// <summary>Runs other experiments (for calibration chains); null when not available.</summary>
    public IExperimentRunner? Runner { get; init; }

    /// <summary>Logger for this experiment.</summary>
    public required ILogger Logger { get; init; }
}
