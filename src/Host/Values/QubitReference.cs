using System.Globalization;

namespace LeeQ.Epii.Platform.Host.Values;

/// <summary>Resolves qubit references: <c>q0</c>, <c>Q0</c> and <c>0</c> all mean qubit 0.</summary>
internal static class QubitReference
{
    /// <param name="reference">An integer literal or the text as sent.</param>
    /// <param name="qubitCount">Qubits of the setup.</param>
    /// <param name="index">The qubit index.</param>
    /// <param name="error">Why the reference is not a qubit.</param>
    /// <param name="shown">How to quote the reference in the error (defaults to its text).</param>
    public static bool TryResolve(
        object? reference,
        int qubitCount,
        out int index,
        out string error,
        string? shown = null
    )
    {
        index = -1;
        var text = reference switch
        {
            long l when l >= 0 => l.ToString(CultureInfo.InvariantCulture),
            string s => s.Trim(),
            _ => null,
        };
        var digits = text is { Length: > 1 } && (text[0] is 'q' or 'Q') ? text[1..] : text;
        if (
            digits is null
            || digits.Length == 0
            || !digits.All(char.IsAsciiDigit)
            || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out index)
            || index >= qubitCount
        )
        {
            index = -1;
            error =
                $"'{Text.Clip.Text(shown ?? (reference as string) ?? Convert.ToString(reference, CultureInfo.InvariantCulture) ?? "null")}' is not a qubit of this setup; qubits are {Available(qubitCount)} (write q0, Q0 or 0)";
            return false;
        }

        error = "";
        return true;
    }

    public static string Available(int qubitCount) =>
        qubitCount == 0 ? "none" : string.Join(", ", Enumerable.Range(0, qubitCount).Select(i => $"q{i}"));
}
