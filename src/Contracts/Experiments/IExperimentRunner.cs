using LeeQ.Epii.Platform.Contracts.Results;

namespace LeeQ.Epii.Platform.Contracts.Experiments;

/// <summary>Lets an experiment run others, as a calibration chain does.</summary>
public interface IExperimentRunner
{
    /// <summary>
    /// Runs the named experiment with string arguments (parsed as a client's would be). Its
    /// calibration updates, if it proposes any and they pass the quality gate, are applied before
    /// this returns, so the next step sees them.
    /// </summary>
    Task<ExperimentOutcome> RunAsync(
        string experiment,
        IReadOnlyDictionary<string, string> arguments,
        CancellationToken cancellationToken
    );
}
