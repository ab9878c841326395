using System.Globalization;
using System.Text.Json;
using LeeQ.Epii.Platform.Contracts.Parameters;

namespace LeeQ.Epii.Platform.Host.Values;

/// <summary>
/// The one string-to-value parser of the service, used by RunExperiment and SetParameters alike.
/// A wire string is read as a JSON literal when it is one (numbers, <c>true</c>/<c>false</c> in any
/// case, <c>null</c>, arrays); otherwise it is plain text. The result is then converted to the
/// declared type or rejected with a message naming the value and what is allowed.
/// </summary>
internal static class ValueParser
{
    /// <summary>Reads <paramref name="raw"/> as a JSON literal or plain text.</summary>
    public static object? ParseLiteral(string raw)
    {
        var text = raw.Trim();
        if (text.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (text.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (text == "null")
        {
            return null;
        }

        if (text.Length > 0 && (char.IsAsciiDigit(text[0]) || text[0] is '-' or '+' or '.' or '['))
        {
            try
            {
                using var doc = JsonDocument.Parse(text.TrimStart('+'));
                return FromElement(doc.RootElement);
            }
            catch (JsonException)
            {
                // Not JSON: fall through to the lenient number forms and then plain text.
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            {
                return d;
            }
        }

        return raw;
    }

    /// <summary>Converts <paramref name="raw"/> to <paramref name="type"/>; on failure returns false with a reason.</summary>
    public static bool TryConvert(string raw, ParameterType type, int qubitCount, out object? value, out string error)
    {
        var literal = ParseLiteral(raw);
        error = "";
        value = null;
        if (literal is null)
        {
            return true;
        }

        switch (type)
        {
            case ParameterType.Float:
                if (AsDouble(literal, raw) is { } d)
                {
                    value = d;
                    return true;
                }

                error = $"'{Text.Clip.Text(raw)}' is not a number (use e.g. 0.5, 1e-6, inf or nan)";
                return false;
            case ParameterType.Int:
                if (literal is long l)
                {
                    value = l;
                    return true;
                }

                if (literal is double dd && Math.Abs(dd - Math.Round(dd)) == 0 && Math.Abs(dd) < 9e15)
                {
                    value = (long)dd;
                    return true;
                }

                error = $"'{Text.Clip.Text(raw)}' is not an integer";
                return false;
            case ParameterType.Bool:
                if (literal is bool b)
                {
                    value = b;
                    return true;
                }

                if (literal is long bit && bit is 0 or 1)
                {
                    value = bit == 1;
                    return true;
                }

                error = $"'{Text.Clip.Text(raw)}' is not a boolean (use true or false)";
                return false;
            case ParameterType.String:
                value = raw;
                return true;
            case ParameterType.Qubit:
                if (
                    QubitReference.TryResolve(
                        literal is string ? raw : literal,
                        qubitCount,
                        out var qubit,
                        out error,
                        raw
                    )
                )
                {
                    value = qubit;
                    return true;
                }

                return false;
            case ParameterType.QubitList:
                return TryQubitList(raw, literal, qubitCount, out value, out error);
            case ParameterType.FloatList:
                return TryFloatList(raw, literal, out value, out error);
            default:
                error = $"unsupported type {type}";
                return false;
        }
    }

    /// <summary>The JSON spelling of a value, as GetParameters and ParameterSpec defaults show it.</summary>
    public static string Render(object? value) =>
        value switch
        {
            null => "null",
            bool b => b ? "true" : "false",
            double d => RenderDouble(d),
            float f => RenderDouble(f),
            long or int => Convert.ToString(value, CultureInfo.InvariantCulture)!,
            string s => s,
            IEnumerable<int> qubits => "[" + string.Join(",", qubits.Select(q => $"\"q{q}\"")) + "]",
            IEnumerable<double> list => "[" + string.Join(",", list.Select(RenderDouble)) + "]",
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        };

    private static string RenderDouble(double d) =>
        double.IsPositiveInfinity(d) ? "inf"
        : double.IsNegativeInfinity(d) ? "-inf"
        : double.IsNaN(d) ? "nan"
        : d.ToString("R", CultureInfo.InvariantCulture);

    private static double? AsDouble(object literal, string raw)
    {
        switch (literal)
        {
            case double d:
                return d;
            case long l:
                return l;
            case string:
                var t = raw.Trim().ToLowerInvariant();
                return t switch
                {
                    "inf" or "+inf" or "infinity" or "+infinity" => double.PositiveInfinity,
                    "-inf" or "-infinity" => double.NegativeInfinity,
                    "nan" => double.NaN,
                    _ => null,
                };
            default:
                return null;
        }
    }

    private static bool TryQubitList(string raw, object literal, int qubitCount, out object? value, out string error)
    {
        IEnumerable<object?> items = literal switch
        {
            object?[] array => array,
            string s => s.Split(',', StringSplitOptions.TrimEntries),
            _ => [literal],
        };
        var result = new List<int>();
        foreach (var item in items)
        {
            if (item is null or "")
            {
                error =
                    $"'{Text.Clip.Text(raw)}' has an empty or null entry; list qubits like [\"q0\",\"q1\"] or q0,q1";
                value = null;
                return false;
            }

            if (
                !QubitReference.TryResolve(item, qubitCount, out var q, out var why, item is object?[] ? "[...]" : null)
            )
            {
                error = $"in '{Text.Clip.Text(raw)}': {why}";
                value = null;
                return false;
            }

            if (result.Contains(q))
            {
                error = $"'{raw}' names q{q} twice";
                value = null;
                return false;
            }

            result.Add(q);
        }

        if (result.Count == 0)
        {
            error = "the qubit list is empty";
            value = null;
            return false;
        }

        value = result.ToArray();
        error = "";
        return true;
    }

    private static bool TryFloatList(string raw, object literal, out object? value, out string error)
    {
        IEnumerable<object?> items = literal switch
        {
            object?[] array => array,
            string s => s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(p => (object?)(ParseLiteral(p) is { } v and not string ? v : p)),
            _ => [literal],
        };
        var result = new List<double>();
        foreach (var item in items)
        {
            var d = item is null ? null : AsDouble(item, item as string ?? "");
            if (d is null)
            {
                error = $"'{Text.Clip.Text(raw)}' is not a list of numbers (use e.g. [0.1, 0.2] or 0.1,0.2)";
                value = null;
                return false;
            }

            result.Add(d.Value);
        }

        value = result.ToArray();
        error = "";
        return true;
    }

    private static object? FromElement(JsonElement element) =>
        element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetInt64(out var l) ? (object)l : element.GetDouble(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Null => null,
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Array => element.EnumerateArray().Select(FromElement).ToArray(),
            _ => element.GetRawText(),
        };
}
