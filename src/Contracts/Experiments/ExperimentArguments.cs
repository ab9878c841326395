using System.Collections.Frozen;

namespace LeeQ.Epii.Platform.Contracts.Experiments;

/// <summary>
/// An experiment's arguments after the host has parsed, converted, range-checked and defaulted
/// them against the experiment's <see cref="ArgumentSpec"/>s. Qubits are indices.
/// </summary>
public sealed class ExperimentArguments
{
    private readonly FrozenDictionary<string, object?> _values;
    private readonly FrozenSet<string> _explicit;

    /// <summary>Creates the arguments from typed values and the names the client actually sent.</summary>
    public ExperimentArguments(IReadOnlyDictionary<string, object?> values, IEnumerable<string> explicitNames)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = values.ToFrozenDictionary(StringComparer.Ordinal);
        _explicit = explicitNames.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>All values by argument name.</summary>
    public IReadOnlyDictionary<string, object?> Values => _values;

    /// <summary>True when the client sent the argument (rather than it being defaulted).</summary>
    public bool WasSent(string name) => _explicit.Contains(name);

    /// <summary>True when the argument has a non-null value.</summary>
    public bool HasValue(string name) => _values.TryGetValue(name, out var v) && v is not null;

    /// <summary>A float argument.</summary>
    public double GetDouble(string name) =>
        Get(name) switch
        {
            double d => d,
            long l => l,
            var other => throw Mismatch(name, other, "a number"),
        };

    /// <summary>A float argument, or null when unset.</summary>
    public double? GetNullableDouble(string name) => HasValue(name) ? GetDouble(name) : null;

    /// <summary>An int argument.</summary>
    public long GetInt(string name) => Get(name) is long l ? l : throw Mismatch(name, Get(name), "an integer");

    /// <summary>A bool argument.</summary>
    public bool GetBool(string name) => Get(name) is bool b ? b : throw Mismatch(name, Get(name), "a boolean");

    /// <summary>A string argument.</summary>
    public string GetString(string name) => Get(name) as string ?? throw Mismatch(name, Get(name), "a string");

    /// <summary>A qubit argument (its index).</summary>
    public int GetQubit(string name) => Get(name) is int q ? q : throw Mismatch(name, Get(name), "a qubit");

    /// <summary>A qubit-list argument.</summary>
    public IReadOnlyList<int> GetQubits(string name) =>
        Get(name) as IReadOnlyList<int> ?? throw Mismatch(name, Get(name), "a qubit list");

    /// <summary>A float-list argument.</summary>
    public IReadOnlyList<double> GetDoubles(string name) =>
        Get(name) as IReadOnlyList<double> ?? throw Mismatch(name, Get(name), "a list of numbers");

    private object? Get(string name) =>
        _values.TryGetValue(name, out var value)
            ? value
            : throw new KeyNotFoundException($"argument '{name}' is not declared by this experiment");

    private static InvalidCastException Mismatch(string name, object? value, string expected) =>
        new($"argument '{name}' holds {(value is null ? "null" : value.GetType().Name)}, not {expected}");
}
