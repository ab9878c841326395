using LeeQ.Epii.Platform.Contracts.Experiments;

namespace LeeQ.Epii.Platform.Host.Execution;

/// <summary>The experiments contributed by plugins, by canonical name and alias.</summary>
internal sealed class ExperimentCatalog
{
    private readonly Dictionary<string, IExperiment> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IExperiment> _byAlias = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _conflicts = [];

    public ExperimentCatalog(IEnumerable<IExperiment> experiments)
    {
        foreach (var experiment in experiments.OrderBy(e => e.Descriptor.Name, StringComparer.Ordinal))
        {
            var name = experiment.Descriptor.Name;
            if (!_byName.TryAdd(name, experiment))
            {
                _conflicts.Add(
                    $"experiment '{name}' is contributed twice; the second ({experiment.GetType().FullName}) is ignored"
                );
                continue;
            }

            foreach (var alias in experiment.Descriptor.Aliases)
            {
                if (!_byAlias.TryAdd(alias, experiment))
                {
                    _conflicts.Add(
                        $"alias '{alias}' of '{name}' is already used by '{_byAlias[alias].Descriptor.Name}'"
                    );
                }
            }
        }
    }

    /// <summary>Experiments in canonical-name order.</summary>
    public IReadOnlyList<IExperiment> All => [.. _byName.Values];

    /// <summary>Registration conflicts to report at start-up.</summary>
    public IReadOnlyList<string> Conflicts => _conflicts;

    /// <summary>Finds an experiment by canonical name (exact, then case-insensitive) or alias.</summary>
    public IExperiment? Find(string name)
    {
        if (_byName.TryGetValue(name, out var exact))
        {
            return exact;
        }

        return _byName.Values.FirstOrDefault(e =>
            string.Equals(e.Descriptor.Name, name, StringComparison.OrdinalIgnoreCase)
        ) ?? _byAlias.GetValueOrDefault(name.Trim());
    }
}
