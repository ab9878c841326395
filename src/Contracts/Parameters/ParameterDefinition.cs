namespace LeeQ.Epii.Platform.Contracts.Parameters;

/// <summary>
/// A device or service parameter: a named, typed, unit-carrying value kept by the host's
/// parameter store. Backends and experiments contribute definitions; the host owns the values.
/// </summary>
public sealed record ParameterDefinition
{
    /// <summary>Canonical name, lower case, dotted: <c>q0.f01</c>, <c>status.shot_number</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Value type.</summary>
    public required ParameterType Type { get; init; }

    /// <summary>What the parameter means; the unit is appended by the host when listing.</summary>
    public required string Description { get; init; }

    /// <summary>Unit symbol (<c>MHz</c>, <c>us</c>, <c>rad</c>), or empty when dimensionless.</summary>
    public string Unit { get; init; } = "";

    /// <summary>Initial value: <see cref="double"/>, <see cref="long"/>, <see cref="bool"/>, <see cref="string"/>, <c>double[]</c> or null.</summary>
    public object? Default { get; init; }

    /// <summary>Inclusive lower bound for numeric values.</summary>
    public double? Minimum { get; init; }

    /// <summary>Inclusive upper bound for numeric values.</summary>
    public double? Maximum { get; init; }

    /// <summary>Closed set of allowed string values, if any.</summary>
    public IReadOnlyList<string>? AllowedValues { get; init; }

    /// <summary>True when clients may read but not write the parameter.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>True when the value may be null.</summary>
    public bool Nullable { get; init; }

    /// <summary>Other accepted names.</summary>
    public IReadOnlyList<ParameterAlias> Aliases { get; init; } = [];
}
