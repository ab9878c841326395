namespace LeeQ.Epii.Platform.Contracts.Parameters;

/// <summary>Value types of experiment arguments and device parameters; the wire names are in <see cref="ParameterTypeNames"/>.</summary>
public enum ParameterType
{
    /// <summary>IEEE double; wire name <c>float</c>.</summary>
    Float,

    /// <summary>64-bit integer; wire name <c>int</c>.</summary>
    Int,

    /// <summary>Boolean; wire name <c>bool</c>.</summary>
    Bool,

    /// <summary>Text; wire name <c>string</c>.</summary>
    String,

    /// <summary>A qubit reference resolved to its index; wire name <c>qubit</c>.</summary>
    Qubit,

    /// <summary>A list of qubit references; wire name <c>qubit_list</c>.</summary>
    QubitList,

    /// <summary>A list of doubles; wire name <c>float_list</c>.</summary>
    FloatList,
}
