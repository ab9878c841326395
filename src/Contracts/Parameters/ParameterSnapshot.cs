using System.Collections.Frozen;
using System.Globalization;

namespace LeeQ.Epii.Platform.Contracts.Parameters;

/// <summary>
/// An immutable view of every parameter value at one instant. A run sees one snapshot from start
/// to end, so a concurrent SetParameters never shows up half-applied inside an experiment.
/// </summary>
public sealed class ParameterSnapshot
{
    private readonly FrozenDictionary<string, object?> _values;

    /// <summary>Creates a snapshot from canonical names to values.</summary>
    public ParameterSnapshot(IEnumerable<KeyValuePair<string, object?>> values, long version = 0)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = values.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        Version = version;
    }

    /// <summary>An empty snapshot.</summary>
    public static ParameterSnapshot Empty { get; } = new([]);

    /// <summary>Monotonic version of the store when the snapshot was taken.</summary>
    public long Version { get; }

    /// <summary>All values by canonical name.</summary>
    public IReadOnlyDictionary<string, object?> Values => _values;

    /// <summary>True when the snapshot has a parameter of that name.</summary>
    public bool Contains(string name) => _values.ContainsKey(name);

    /// <summary>The raw value, or throws <see cref="KeyNotFoundException"/> naming the parameter.</summary>
    public object? Get(string name) =>
        _values.TryGetValue(name, out var value)
            ? value
            : throw new KeyNotFoundException($"parameter '{name}' is not defined");

    /// <summary>The value as a double (integers are widened).</summary>
    public double GetDouble(string name) =>
        Get(name) switch
        {
            double d => d,
            long l => l,
            int i => i,
            var other => throw new InvalidCastException($"parameter '{name}' is {Describe(other)}, not a number"),
        };

    /// <summary>The value as a double, or <paramref name="fallback"/> when absent or null.</summary>
    public double GetDoubleOrDefault(string name, double fallback) =>
        _values.TryGetValue(name, out var value) && value is not null ? GetDouble(name) : fallback;

    /// <summary>The value as an integer.</summary>
    public long GetInt(string name) =>
        Get(name) switch
        {
            long l => l,
            int i => i,
            double d when Math.Abs(d - Math.Round(d)) < 1e-9 => (long)Math.Round(d),
            var other => throw new InvalidCastException($"parameter '{name}' is {Describe(other)}, not an integer"),
        };

    /// <summary>The value as a boolean.</summary>
    public bool GetBool(string name) =>
        Get(name) is bool b ? b : throw new InvalidCastException($"parameter '{name}' is not a boolean");

    /// <summary>The value as a string (null stays null).</summary>
    public string? GetString(string name) =>
        Get(name) switch
        {
            null => null,
            string s => s,
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var other => other.ToString(),
        };

    /// <summary>The value as a nullable long (for seeds and similar optional integers).</summary>
    public long? GetNullableInt(string name) =>
        _values.TryGetValue(name, out var value) && value is not null ? GetInt(name) : null;

    private static string Describe(object? value) => value is null ? "null" : value.GetType().Name;
}
