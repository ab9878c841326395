using LeeQ.Epii.Platform.Contracts.Experiments;
using LeeQ.Epii.Platform.Contracts.Parameters;
using LeeQ.Epii.Platform.Host.Text;

namespace LeeQ.Epii.Platform.Host.Values;

/// <summary>
/// Turns a RunExperiment parameter map into <see cref="ExperimentArguments"/>: every name must be
/// declared (or an alias), every value must convert to the declared type and lie in range, every
/// required argument must be present. All problems are collected into one message.
/// </summary>
internal static class ArgumentBinder
{
    /// <summary>Arguments every experiment accepts in addition to its own.</summary>
    public static IReadOnlyList<ArgumentSpec> CommonArguments { get; } =
    [
        new ArgumentSpec
        {
            Name = "seed",
            Type = ParameterType.Int,
            Minimum = 0,
            Maximum = long.MaxValue,
            Description =
                "Seed of every random draw of this run (simulation noise, random sequences); by default status.seed, else a fresh one. The seed used is returned in metadata.",
        },
        new ArgumentSpec
        {
            Name = "shots",
            Type = ParameterType.Int,
            Minimum = 1,
            Maximum = 1_000_000,
            Description = "Shots per sweep point; by default status.shot_number.",
        },
    ];

    /// <summary>The experiment's own arguments followed by the common ones it does not redefine.</summary>
    public static IReadOnlyList<ArgumentSpec> AllArguments(ExperimentDescriptor descriptor) =>
        [.. descriptor.Parameters, .. CommonArguments.Where(c => descriptor.Parameters.All(p => p.Name != c.Name))];

    public static ExperimentArguments Bind(
        ExperimentDescriptor descriptor,
        IReadOnlyDictionary<string, string> raw,
        int qubitCount,
        out List<string> problems
    )
    {
        problems = [];
        var specs = AllArguments(descriptor);
        var byName = new Dictionary<string, ArgumentSpec>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            byName[spec.Name] = spec;
            foreach (var alias in spec.Aliases)
            {
                byName.TryAdd(alias, spec);
            }
        }

        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        var sent = new List<string>();
        var unknown = new List<string>();
        var known = specs.SelectMany(s => s.Aliases.Prepend(s.Name)).ToList();
        foreach (var (name, text) in raw.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!byName.TryGetValue(name, out var spec))
            {
                unknown.Add($"'{Clip.Text(name)}'{(name.Length <= 200 ? NameSuggester.Hint(name, known) : "")}");
                continue;
            }

            if (sent.Contains(spec.Name))
            {
                problems.Add($"parameter '{spec.Name}' is given twice (as '{name}' and as an alias)");
                continue;
            }

            sent.Add(spec.Name);
            if (!ValueParser.TryConvert(text, spec.Type, qubitCount, out var value, out var error))
            {
                problems.Add($"parameter '{spec.Name}' ({spec.Type.ToWireName()}{UnitSuffix(spec)}): {error}");
                continue;
            }

            if (value is null && (spec.Required || spec.Default is not null))
            {
                problems.Add(
                    spec.Required
                        ? $"parameter '{spec.Name}' is required and cannot be null"
                        : $"parameter '{spec.Name}' cannot be null; leave it out to use its default {ValueParser.Render(spec.Default)}"
                );
                continue;
            }

            if (CheckRange(spec, ref value) is { } rangeError)
            {
                problems.Add(rangeError);
                continue;
            }

            values[spec.Name] = value;
        }

        if (unknown.Count > 0)
        {
            problems.Insert(
                0,
                $"unknown parameter{(unknown.Count > 1 ? "s" : "")} {Clip.List(unknown, 5, ", ")}. Valid parameters: {string.Join(", ", specs.Select(Spelled))}"
            );
        }

        foreach (var spec in specs)
        {
            if (values.ContainsKey(spec.Name) || sent.Contains(spec.Name))
            {
                continue;
            }

            if (spec.Required)
            {
                problems.Add(
                    $"missing required parameter '{spec.Name}' ({spec.Type.ToWireName()}{UnitSuffix(spec)}): {spec.Description}"
                        + (
                            spec.Type is ParameterType.Qubit or ParameterType.QubitList
                                ? $"; qubits are {QubitReference.Available(qubitCount)}"
                                : ""
                        )
                );
                continue;
            }

            values[spec.Name] = spec.Default;
        }

        return new ExperimentArguments(values, sent);
    }

    private static string Spelled(ArgumentSpec spec) =>
        spec.Aliases.Count == 0 ? spec.Name : $"{spec.Name} (or {string.Join(", ", spec.Aliases)})";

    private static string? CheckRange(ArgumentSpec spec, ref object? value) =>
        ValueConstraints.Check(spec.Name, spec.Minimum, spec.Maximum, spec.AllowedValues, spec.Unit, ref value);

    private static string UnitSuffix(ArgumentSpec spec) => spec.Unit.Length > 0 ? $", {spec.Unit}" : "";
}
