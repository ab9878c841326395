using LeeQ.Epii.Platform.Contracts.Experiments;
using LeeQ.Epii.Platform.Contracts.Parameters;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Common;

/// <summary>Builders for the argument specs the experiments share, so names and wording stay consistent.</summary>
internal static class Args
{
    /// <summary>Every spelling of the qubit argument the original experiments use.</summary>
    private static readonly string[] QubitSpellings = ["dut_qubit", "qubit", "dut"];

    /// <summary>The required qubit argument under <paramref name="name"/>, accepting the other spellings too.</summary>
    public static ArgumentSpec Qubit(string name) =>
        new()
        {
            Name = name,
            Type = ParameterType.Qubit,
            Required = true,
            Description = "Qubit to run on (q0, Q0 or 0)",
            Aliases = [.. QubitSpellings.Where(s => s != name)],
        };

    /// <summary>A float argument.</summary>
    public static ArgumentSpec Float(
        string name,
        string unit,
        double? value,
        string description,
        double? min = null,
        double? max = null
    ) =>
        new()
        {
            Name = name,
            Type = ParameterType.Float,
            Unit = unit,
            Default = value,
            Description = description,
            Minimum = min,
            Maximum = max,
        };

    /// <summary>An integer argument.</summary>
    public static ArgumentSpec Int(string name, long value, string description, long? min = null, long? max = null) =>
        new()
        {
            Name = name,
            Type = ParameterType.Int,
            Default = value,
            Description = description,
            Minimum = min,
            Maximum = max,
        };

    /// <summary>A boolean argument.</summary>
    public static ArgumentSpec Bool(string name, bool value, string description) =>
        new()
        {
            Name = name,
            Type = ParameterType.Bool,
            Default = value,
            Description = description,
        };

    /// <summary>The common <c>update</c> flag.</summary>
    public static ArgumentSpec Update(bool value, string what) =>
        Bool(
            "update",
            value,
            $"Propose {what} as calibration updates; they are proposed only when the fit quality is good"
        );

    /// <summary>The original's drive collection selector; only the 0-1 transition exists here.</summary>
    public static ArgumentSpec CollectionName() =>
        new()
        {
            Name = "collection_name",
            Type = ParameterType.String,
            Default = "f01",
            AllowedValues = ["f01"],
            Description =
                "Transition whose pulses are used; only f01 (the 0-1 transition) is calibrated by this platform",
        };

    /// <summary>The original's measurement-primitive index; only the calibrated readout (0) exists here.</summary>
    public static ArgumentSpec MprimIndex() =>
        Int(
            "mprim_index",
            0,
            "Index of the measurement primitive; only 0 (the calibrated readout of the qubit) exists",
            0,
            0
        );

    /// <summary>
    /// An argument of the original that held a Python object (an LPB); declared so old clients get a
    /// clear message, and rejected when set.
    /// </summary>
    public static ArgumentSpec PythonOnly(string name, string meaning) =>
        new()
        {
            Name = name,
            Type = ParameterType.String,
            Default = null,
            Description =
                $"{meaning}. It was a Python pulse-block object in the original and cannot be sent over the wire; leave it unset",
        };

    /// <summary>Throws when any of the Python-only arguments was given a value.</summary>
    public static void RejectPythonOnly(ExperimentArguments arguments, params string[] names)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        foreach (var name in names)
        {
            if (arguments.Values.ContainsKey(name) && arguments.HasValue(name))
            {
                throw new ExperimentArgumentException(
                    name,
                    "held a Python pulse-block object in the original service and has no wire form; leave it unset (the experiment prepares the qubit itself)"
                );
            }
        }
    }

    /// <summary>The value of an optional float argument, or <paramref name="fallback"/> when unset.</summary>
    public static double DoubleOr(ExperimentArguments arguments, string name, double fallback) =>
        arguments.GetNullableDouble(name) ?? fallback;

    /// <summary>Whether the client asked for calibration updates.</summary>
    public static bool UpdateRequested(ExperimentArguments arguments) =>
        arguments.Values.ContainsKey("update") && arguments.HasValue("update") && arguments.GetBool("update");
}
