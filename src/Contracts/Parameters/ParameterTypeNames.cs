namespace LeeQ.Epii.Platform.Contracts.Parameters;

/// <summary>Maps <see cref="ParameterType"/> to the type vocabulary used on the wire.</summary>
public static class ParameterTypeNames
{
    /// <summary>The wire spelling of <paramref name="type"/>.</summary>
    public static string ToWireName(this ParameterType type) =>
        type switch
        {
            ParameterType.Float => "float",
            ParameterType.Int => "int",
            ParameterType.Bool => "bool",
            ParameterType.String => "string",
            ParameterType.Qubit => "qubit",
            ParameterType.QubitList => "qubit_list",
            ParameterType.FloatList => "float_list",
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown parameter type"),
        };
}
