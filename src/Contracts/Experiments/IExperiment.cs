using LeeQ.Epii.Platform.Contracts.Results;

namespace LeeQ.Epii.Platform.Contracts.Experiments;

/// <summary>
/// An experiment: builds pulse programs, runs them through <see cref="ExperimentContext.Executor"/>
/// and analyses the outcomes. It never touches a backend's internals, so it runs unchanged on a
/// simulator and on hardware. A fit that fails is a result (quality <c>bad</c>), not an exception.
/// </summary>
public interface IExperiment
{
    /// <summary>Name, parameters, outputs, documentation.</summary>
    ExperimentDescriptor Descriptor { get; }

    /// <summary>Runs once. Throw <see cref="ExperimentArgumentException"/> for argument problems found late.</summary>
    Task<ExperimentOutcome> RunAsync(ExperimentContext context, CancellationToken cancellationToken);
}
