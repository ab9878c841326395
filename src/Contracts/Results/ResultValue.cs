namespace LeeQ.Epii.Platform.Contracts.Results;

/// <summary>One data item of a response: a number, text, boolean or array, with its meaning.</summary>
public sealed record ResultValue
{
    private ResultValue(string name, string description, object value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Description = description;
        Value = value;
    }

    /// <summary>DataItem name (one of the experiment's declared outputs).</summary>
    public string Name { get; }

    /// <summary>Meaning, with unit.</summary>
    public string Description { get; }

    /// <summary><see cref="double"/>, <see cref="string"/>, <see cref="bool"/> or <see cref="NumericArray"/>.</summary>
    public object Value { get; }

    /// <summary>A number.</summary>
    public static ResultValue Number(string name, double value, string description) => new(name, description, value);

    /// <summary>Text.</summary>
    public static ResultValue Text(string name, string value, string description) => new(name, description, value);

    /// <summary>A boolean.</summary>
    public static ResultValue Flag(string name, bool value, string description) => new(name, description, value);

    /// <summary>An array.</summary>
    public static ResultValue Array(string name, NumericArray value, string description) =>
        new(name, description, value);
}
