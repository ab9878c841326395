using LeeQ.Epii.Platform.Contracts.Experiments;

namespace LeeQ.Epii.Platform.Host.Execution;

/// <summary>A validated request to run one experiment.</summary>
internal sealed record RunRequest(
    IExperiment Experiment,
    ExperimentArguments Arguments,
    bool ReturnPlots,
    bool ReturnRawData
);
