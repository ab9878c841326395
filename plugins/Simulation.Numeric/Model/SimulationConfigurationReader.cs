using System.Globalization;
using System.Text.Json;

namespace LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Model;

/// <summary>
/// Reads the canonical <c>simulation</c> section (SI units: Hz, s) into a <see cref="DeviceModel"/>
/// (MHz, µs) and collects the cross-field problems a JSON schema cannot express.
/// </summary>
internal static class SimulationConfigurationReader
{
    private const string Root = "$.simulation";

    /// <summary>Qubits of the device when the section gives none.</summary>
    public const int DefaultQubitCount = 1;

    /// <summary>Largest joint Hilbert-space dimension Π d_q (the density matrix has its square as entries).</summary>
    public const int MaxJointDimension = 1296;

    /// <summary>Levels per qubit when neither the section nor the qubit sets them.</summary>
    public const int DefaultLevels = 3;

    /// <summary>Parses the section; every problem found is added to <paramref name="problems"/> with its JSON path.</summary>
    public static DeviceModel Read(JsonElement? section, List<(string Path, string Message)> problems)
    {
        var engine = EngineKind.Exact;
        var levels = DefaultLevels;
        var qubits = new List<QubitProperties>();
        JsonElement? couplings = null;

        if (section is { ValueKind: JsonValueKind.Object } s)
        {
            if (s.TryGetProperty("backend", out var backend))
            {
                engine =
                    backend.ValueKind == JsonValueKind.String
                        ? backend.GetString() switch
                        {
                            "numpy" => EngineKind.Exact,
                            "qutip" => EngineKind.Integrated,
                            _ => Problem(
                                problems,
                                $"{Root}.backend",
                                "backend must be 'numpy' or 'qutip'",
                                EngineKind.Exact
                            ),
                        }
                        : Problem(problems, $"{Root}.backend", "backend must be a string", EngineKind.Exact);
            }

            if (s.TryGetProperty("levels", out var lv))
            {
                levels = ReadLevels(lv, $"{Root}.levels", problems, DefaultLevels);
            }

            if (s.TryGetProperty("qubits", out var q))
            {
                ReadQubits(q, levels, qubits, problems);
            }

            if (s.TryGetProperty("couplings", out var c))
            {
                couplings = c;
            }
        }
        else if (section is { } other && other.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
        {
            problems.Add((Root, "the simulation section must be an object"));
        }

        if (qubits.Count == 0)
        {
            for (var i = 0; i < DefaultQubitCount; i++)
            {
                qubits.Add(QubitProperties.Default(i, levels));
            }
        }

        var joint = qubits.Aggregate(1L, (a, q) => a * q.Levels);
        if (joint > MaxJointDimension)
        {
            problems.Add(
                (
                    $"{Root}.qubits",
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"the device needs {joint} joint states (product of the levels of all qubits); at most {MaxJointDimension} are simulated, so use fewer qubits or levels"
                    )
                )
            );
        }

        return new DeviceModel
        {
            Qubits = qubits,
            Couplings = ReadCouplings(couplings, qubits.Count, problems),
            Engine = engine,
        };
    }

    /// <summary>Parses <c>qA-qB</c> (case-insensitive) into indices.</summary>
    public static bool TryParsePair(string key, out int a, out int b)
    {
        a = b = -1;
        var parts = key.Split('-');
        return parts.Length == 2
            && parts[0].Length > 1
            && parts[1].Length > 1
            && char.ToLowerInvariant(parts[0][0]) == 'q'
            && char.ToLowerInvariant(parts[1][0]) == 'q'
            && int.TryParse(parts[0].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out a)
            && int.TryParse(parts[1].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out b);
    }

    private static void ReadQubits(
        JsonElement q,
        int levels,
        List<QubitProperties> qubits,
        List<(string, string)> problems
    )
    {
        const string path = Root + ".qubits";
        if (q.ValueKind == JsonValueKind.Number)
        {
            if (!q.TryGetInt32(out var count) || count < 1)
            {
                problems.Add((path, "qubits must be a positive whole number or an array of qubit objects"));
                return;
            }

            for (var i = 0; i < count; i++)
            {
                qubits.Add(QubitProperties.Default(i, levels));
            }

            return;
        }

        if (q.ValueKind != JsonValueKind.Array)
        {
            problems.Add((path, "qubits must be a positive whole number or an array of qubit objects"));
            return;
        }

        var index = 0;
        foreach (var item in q.EnumerateArray())
        {
            qubits.Add(
                ReadQubit(item, index, levels, $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]", problems)
            );
            index++;
        }
    }

    private static QubitProperties ReadQubit(
        JsonElement item,
        int index,
        int levels,
        string path,
        List<(string, string)> problems
    )
    {
        var d = QubitProperties.Default(index, levels);
        if (item.ValueKind != JsonValueKind.Object)
        {
            problems.Add((path, "each qubit must be an object"));
            return d;
        }

        double Hz(string name, double fallbackMhz) =>
            Number(item, name, path, problems) is { } v ? v / 1e6 : fallbackMhz;
        double Seconds(string name, double fallbackUs) =>
            Number(item, name, path, problems) is { } v ? v * 1e6 : fallbackUs;
        double Plain(string name, double fallback) => Number(item, name, path, problems) ?? fallback;

        var qubit = new QubitProperties
        {
            F01Mhz = Hz("f01", d.F01Mhz),
            AnharmonicityMhz = Hz("anharmonicity", d.AnharmonicityMhz),
            T1Us = Seconds("t1", d.T1Us),
            T2Us = Seconds("t2", d.T2Us),
            RabiRateMhz = Hz("rabi_rate", d.RabiRateMhz),
            ResonatorMhz = Hz("readout_frequency", d.ResonatorMhz),
            LinewidthMhz = Hz("readout_linewidth", d.LinewidthMhz),
            ChiMhz = Hz("dispersive_shift", d.ChiMhz),
            ThermalPopulation = Plain("thermal_population", d.ThermalPopulation),
            ReadoutNoise = Plain("readout_noise", d.ReadoutNoise),
            Levels = item.TryGetProperty("levels", out var lv)
                ? ReadLevels(lv, $"{path}.levels", problems, levels)
                : levels,
        };

        CheckPositive(qubit.F01Mhz, $"{path}.f01", "f01", problems);
        CheckPositive(qubit.T1Us, $"{path}.t1", "t1", problems);
        CheckPositive(qubit.T2Us, $"{path}.t2", "t2", problems);
        CheckPositive(qubit.RabiRateMhz, $"{path}.rabi_rate", "rabi_rate", problems);
        CheckPositive(qubit.LinewidthMhz, $"{path}.readout_linewidth", "readout_linewidth", problems);
        if (qubit.T1Us > 0 && qubit.T2Us > 2 * qubit.T1Us)
        {
            problems.Add(
                (
                    $"{path}.t2",
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"t2 ({qubit.T2Us / 1e6:G6} s) must not exceed 2*t1 ({2 * qubit.T1Us / 1e6:G6} s): pure dephasing cannot be negative"
                    )
                )
            );
        }

        if (qubit.ThermalPopulation is < 0 or > 0.5)
        {
            problems.Add(($"{path}.thermal_population", "thermal_population must lie between 0 and 0.5"));
        }

        if (qubit.ReadoutNoise < 0)
        {
            problems.Add(($"{path}.readout_noise", "readout_noise must not be negative"));
        }

        return qubit;
    }

    private static Dictionary<(int A, int B), double> ReadCouplings(
        JsonElement? couplings,
        int qubitCount,
        List<(string, string)> problems
    )
    {
        var result = new Dictionary<(int A, int B), double>();
        if (couplings is not { ValueKind: JsonValueKind.Object } c)
        {
            if (couplings is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) })
            {
                problems.Add(($"{Root}.couplings", "couplings must be an object keyed 'qA-qB'"));
            }

            return result;
        }

        foreach (var property in c.EnumerateObject())
        {
            var path = $"{Root}.couplings['{property.Name}']";
            if (!TryParsePair(property.Name, out var a, out var b))
            {
                problems.Add((path, "a coupling key must name two qubits as 'qA-qB'"));
                continue;
            }

            var last = (qubitCount - 1).ToString(CultureInfo.InvariantCulture);
            if (a >= qubitCount || b >= qubitCount)
            {
                var missing = a >= qubitCount ? a : b;
                problems.Add(
                    (
                        path,
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"coupling names q{missing}, which does not exist (the device has qubits q0..q{last})"
                        )
                    )
                );
                continue;
            }

            if (a == b)
            {
                problems.Add((path, "a qubit cannot be coupled to itself"));
                continue;
            }

            var key = a < b ? (a, b) : (b, a);
            if (result.ContainsKey(key))
            {
                problems.Add(
                    (
                        path,
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"the pair q{key.Item1}-q{key.Item2} is given twice"
                        )
                    )
                );
                continue;
            }

            if (
                property.Value.ValueKind != JsonValueKind.Object
                || !property.Value.TryGetProperty("strength", out var strength)
                || strength.ValueKind != JsonValueKind.Number
            )
            {
                problems.Add((path, "a coupling needs a numeric 'strength' in Hz"));
                continue;
            }

            var j = strength.GetDouble();
            if (j < 0)
            {
                problems.Add(($"{path}.strength", "strength must not be negative"));
                continue;
            }

            result[key] = j / 1e6;
        }

        return result;
    }

    private static int ReadLevels(JsonElement element, string path, List<(string, string)> problems, int fallback)
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var v) && v is >= 2 and <= 6)
        {
            return v;
        }

        problems.Add((path, "levels must be a whole number from 2 to 6"));
        return fallback;
    }

    private static double? Number(JsonElement item, string name, string path, List<(string, string)> problems)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            problems.Add(($"{path}.{name}", $"{name} must be a number"));
            return null;
        }

        return value.GetDouble();
    }

    private static void CheckPositive(double value, string path, string name, List<(string, string)> problems)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            problems.Add((path, $"{name} must be a positive number"));
        }
    }

    private static T Problem<T>(List<(string, string)> problems, string path, string message, T fallback)
    {
        problems.Add((path, message));
        return fallback;
    }
}
