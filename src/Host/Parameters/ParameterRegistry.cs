using LeeQ.Epii.Platform.Contracts.Parameters;
using LeeQ.Epii.Platform.Host.Storage;
using LeeQ.Epii.Platform.Host.Text;
using LeeQ.Epii.Platform.Host.Values;

namespace LeeQ.Epii.Platform.Host.Parameters;

/// <summary>
/// The typed parameter registry: definitions contributed by the host and the backend, current
/// values, alias resolution (case-insensitive, with unit scale), validation and atomic changes.
/// Readers take immutable snapshots, so a run never sees a half-applied change. With a store
/// attached, a change is journaled and committed to disk before the snapshot moves; if the write
/// fails, nothing changes.
/// </summary>
internal sealed class ParameterRegistry
{
    private readonly Dictionary<string, ParameterDefinition> _definitions = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (ParameterDefinition Definition, double Scale)> _names = new(
        StringComparer.OrdinalIgnoreCase
    );
    private readonly Lock _gate = new();
    private ParameterSnapshot _snapshot = ParameterSnapshot.Empty;
    private ParameterStore? _store;
    private int _qubitCount;

    private Func<ParameterSnapshot, IEnumerable<string>> _rules = _ => [];

    /// <summary>Rules between parameters (the backend's) that every change must satisfy as a whole.</summary>
    public void SetRules(Func<ParameterSnapshot, IEnumerable<string>> rules) => _rules = rules;

    /// <summary>Makes every later change durable in <paramref name="store"/>.</summary>
    public void AttachStore(ParameterStore store) => _store = store;

    /// <summary>
    /// Registers definitions. A stored value (wire spelling) replaces the default when it still
    /// fits the definition; one that no longer does is reported and the default is used.
    /// </summary>
    public IReadOnlyList<string> Register(
        IEnumerable<ParameterDefinition> definitions,
        int qubitCount,
        IReadOnlyDictionary<string, string>? stored = null
    )
    {
        var notes = new List<string>();
        lock (_gate)
        {
            _qubitCount = qubitCount;
            var values = new Dictionary<string, object?>(_snapshot.Values, StringComparer.OrdinalIgnoreCase);
            foreach (var definition in definitions)
            {
                if (!_definitions.TryAdd(definition.Name, definition))
                {
                    throw new InvalidOperationException($"parameter '{definition.Name}' is defined twice");
                }

                _names[definition.Name] = (definition, 1.0);
                foreach (var alias in definition.Aliases)
                {
                    _names.TryAdd(alias.Name, (definition, alias.Scale));
                }

                values[definition.Name] = definition.Default;
                if (!definition.ReadOnly && stored is not null && stored.TryGetValue(definition.Name, out var kept))
                {
                    if (
                        ValueParser.TryConvert(kept, definition.Type, qubitCount, out var value, out var error)
                        && Check(definition, ref value) is null
                    )
                    {
                        values[definition.Name] = value;
                    }
                    else
                    {
                        notes.Add(
                            $"stored value {kept} of '{definition.Name}' no longer fits its definition ({(error.Length > 0 ? error : "out of range")}); the default {ValueParser.Render(definition.Default)} is used"
                        );
                    }
                }
            }

            _snapshot = new ParameterSnapshot(values, _snapshot.Version + 1);
        }

        return notes;
    }

    public IReadOnlyCollection<ParameterDefinition> Definitions
    {
        get
        {
            lock (_gate)
            {
                return [.. _definitions.Values.OrderBy(d => d.Name, StringComparer.Ordinal)];
            }
        }
    }

    public ParameterSnapshot Snapshot()
    {
        lock (_gate)
        {
            return _snapshot;
        }
    }

    /// <summary>Finds a parameter by canonical name or alias; the scale converts alias units to canonical ones.</summary>
    public bool TryResolve(string name, out ParameterDefinition definition, out double scale)
    {
        lock (_gate)
        {
            if (_names.TryGetValue(name.Trim(), out var found))
            {
                (definition, scale) = found;
                return true;
            }
        }

        definition = null!;
        scale = 1;
        return false;
    }

    public string UnknownNameMessage(string name) =>
        $"unknown parameter '{Clip.Text(name)}'.{(name.Length <= 200 ? NameSuggester.Hint(name, _definitions.Keys) : "")}";

    /// <summary>Validates every entry, then applies all of them at once, or none.</summary>
    public ParameterChangeResult TryApply(
        IReadOnlyDictionary<string, string> changes,
        ChangeSource source,
        bool allowReadOnly = false
    )
    {
        var problems = new List<string>();
        var parsed = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, raw) in changes.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            if (!TryResolve(name, out var definition, out var scale))
            {
                problems.Add(UnknownNameMessage(name));
                continue;
            }

            if (definition.ReadOnly && !allowReadOnly)
            {
                problems.Add($"parameter '{definition.Name}' is read-only");
                continue;
            }

            if (!ValueParser.TryConvert(raw, definition.Type, _qubitCount, out var value, out var error))
            {
                problems.Add(
                    $"parameter '{definition.Name}' ({definition.Type.ToWireName()}{Unit(definition)}): {error}"
                );
                continue;
            }

            if (value is double d && scale != 1.0)
            {
                value = d * scale;
            }

            if (Check(definition, ref value) is { } rangeError)
            {
                problems.Add(rangeError);
                continue;
            }

            if (parsed.ContainsKey(definition.Name))
            {
                problems.Add($"parameter '{definition.Name}' is set twice in one request (through an alias)");
                continue;
            }

            parsed[definition.Name] = value;
        }

        if (problems.Count > 20)
        {
            problems = [.. problems.Take(20), $"and {problems.Count - 20} more problems"];
        }

        if (problems.Any(p => p.StartsWith("unknown parameter", StringComparison.Ordinal)))
        {
            problems.Add("ListParameters shows every parameter");
        }

        return problems.Count > 0 ? ParameterChangeResult.Rejected(problems) : Commit(parsed, source);
    }

    /// <summary>Applies already-typed values (calibration updates of a run), validating them the same way.</summary>
    public ParameterChangeResult TryApplyTyped(IReadOnlyDictionary<string, object?> changes, ChangeSource source)
    {
        var problems = new List<string>();
        var parsed = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, raw) in changes)
        {
            if (!TryResolve(name, out var definition, out _))
            {
                problems.Add(UnknownNameMessage(name));
                continue;
            }

            var value = raw switch
            {
                int i when definition.Type == ParameterType.Float => (double)i,
                long l when definition.Type == ParameterType.Float => (double)l,
                int i => (long)i,
                _ => raw,
            };
            if (Check(definition, ref value) is { } error)
            {
                problems.Add(error);
                continue;
            }

            parsed[definition.Name] = value;
        }

        return problems.Count > 0 ? ParameterChangeResult.Rejected(problems) : Commit(parsed, source);
    }

    private ParameterChangeResult Commit(Dictionary<string, object?> parsed, ChangeSource source)
    {
        lock (_gate)
        {
            var values = new Dictionary<string, object?>(_snapshot.Values, StringComparer.OrdinalIgnoreCase);
            var changes = new List<(string, object?, object?)>();
            foreach (var (name, value) in parsed)
            {
                changes.Add((name, values.GetValueOrDefault(name), value));
                values[name] = value;
            }

            var proposed = new ParameterSnapshot(values, _snapshot.Version + 1);
            var broken = _rules(proposed).ToList();
            if (broken.Count > 0)
            {
                return ParameterChangeResult.Rejected([
                    .. broken.Select(b => $"the change would leave the device invalid: {b}"),
                ]);
            }

            if (_store is not null)
            {
                try
                {
                    _store.Save(
                        [.. changes.Select(c => (c.Item1, ValueParser.Render(c.Item2), ValueParser.Render(c.Item3)))],
                        source
                    );
                }
                catch (StoreUnavailableException ex)
                {
                    return ParameterChangeResult.Rejected([ex.Message]);
                }
            }

            _snapshot = proposed;
            return new ParameterChangeResult(true, [], changes);
        }
    }

    private static string? Check(ParameterDefinition definition, ref object? value)
    {
        if (value is null)
        {
            return definition.Nullable ? null : $"parameter '{definition.Name}' cannot be null";
        }

        if (value is double d && double.IsNaN(d))
        {
            return $"parameter '{definition.Name}' cannot be nan";
        }

        return ValueConstraints.Check(
            definition.Name,
            definition.Minimum,
            definition.Maximum,
            definition.AllowedValues,
            definition.Unit,
            ref value
        );
    }

    private static string Unit(ParameterDefinition definition) =>
        definition.Unit.Length > 0 ? $", {definition.Unit}" : "";
}
