using System.Globalization;
using LeeQ.Epii.Platform.Contracts.Experiments;
using LeeQ.Epii.Platform.Contracts.Parameters;
using LeeQ.Epii.Platform.Contracts.Results;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Tests.Support;

/// <summary>
/// A minimal stand-in for the host's runner: finds experiments of the plugin by name or alias,
/// parses string arguments by their declared types, runs them on a fresh snapshot of a mutable
/// parameter set and applies the proposed updates (which experiments only propose for good fits).
/// </summary>
public sealed class TestExperimentRunner : IExperimentRunner
{
    private readonly Dictionary<string, IExperiment> _experiments;
    private readonly IExperimentExecutor _executor;

    public TestExperimentRunner(IExperimentExecutor executor, Dictionary<string, object?> parameters)
    {
        _executor = executor;
        Parameters = parameters;
        _experiments = [];
        var types = typeof(StandardExperimentsPlugin)
            .Assembly.GetTypes()
            .Where(t => t.IsPublic && !t.IsAbstract && typeof(IExperiment).IsAssignableFrom(t));
        foreach (var type in types)
        {
            var experiment = (IExperiment)Activator.CreateInstance(type)!;
            _experiments[experiment.Descriptor.Name] = experiment;
            foreach (var alias in experiment.Descriptor.Aliases)
            {
                _experiments[alias] = experiment;
            }
        }
    }

    /// <summary>The live parameter values.</summary>
    public Dictionary<string, object?> Parameters { get; }

    /// <summary>Every experiment found in the plugin, by name and alias.</summary>
    public IReadOnlyDictionary<string, IExperiment> Experiments => _experiments;

    /// <inheritdoc />
    public async Task<ExperimentOutcome> RunAsync(
        string experiment,
        IReadOnlyDictionary<string, string> arguments,
        CancellationToken cancellationToken
    )
    {
        var target = _experiments[experiment];
        var typed = new Dictionary<string, object?>();
        foreach (var (name, text) in arguments)
        {
            var spec = target.Descriptor.Parameters.Single(p => p.Name == name);
            typed[name] = spec.Type switch
            {
                ParameterType.Float => double.Parse(text, CultureInfo.InvariantCulture),
                ParameterType.Int => long.Parse(text, CultureInfo.InvariantCulture),
                ParameterType.Bool => bool.Parse(text),
                ParameterType.Qubit => int.Parse(text.TrimStart('q', 'Q'), CultureInfo.InvariantCulture),
                _ => text,
            };
        }

        var context = TestDevice.Context(target, _executor, new ParameterSnapshot(Parameters), typed, runner: this);
        var outcome = await target.RunAsync(context, cancellationToken);
        foreach (var update in outcome.Updates)
        {
            Parameters[update.Parameter] = update.Value;
        }

        return outcome;
    }
}
