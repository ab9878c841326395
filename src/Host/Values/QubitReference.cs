using System.Globalization;

namespace LeeQ.Epii.Platform.Host.Values;

/// <summary>Resolves qubit references: <c>q0</c>, <c>Q0</c> and <c>0</c> all mean qubit 0.</summary>
internal static class QubitReference
{
    public static bool TryResolve(object? reference, int qubitCount, out int index, out string error)
    {
        index = -1;
        var text = reference switch
        {
            long l => l.ToString(CultureInfo.InvariantCulture),
            double d when Math.Abs(d - Math.Round(d)) == 0 => ((long)d).ToString(CultureInfo.InvariantCulture),
            string s => s.Trim(),
            _ => null,
        };
        var digits = text is { Length: > 1 } && (text[0] is 'q' or 'Q') ? text[1..] : text;
        if (digits is null || digits.Length == 0 || !digits.All(char.IsAsciiDigit)
            || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out index) || index >= qubitCount)
        {
            index = -1;
            error = $"'{reference}' is not a qubit of this setup; qubits are {Available(qubitCount)}";
            return false;
        }

        error = "";
        return true;
    }

    public static string Available(int qubitCount) =>
        qubitCount == 0 ? "none" : string.Join(", ", Enumerable.Range(0, qubitCount).Select(i => $"q{i}"));
}
