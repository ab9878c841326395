namespace LeeQ.Epii.Platform.Host.Values;

/// <summary>Range and allowed-value checks shared by experiment arguments and device parameters.</summary>
internal static class ValueConstraints
{
    /// <summary>
    /// Checks <paramref name="value"/> against the bounds; an allowed string is normalised to its
    /// canonical spelling. Returns the problem, or null when the value is acceptable.
    /// </summary>
    public static string? Check(
        string name,
        double? minimum,
        double? maximum,
        IReadOnlyList<string>? allowed,
        string unit,
        ref object? value
    )
    {
        var suffix = unit.Length > 0 ? $" {unit}" : "";
        switch (value)
        {
            case double d when double.IsNaN(d) && (minimum is not null || maximum is not null):
                return $"parameter '{name}' must be a number from {Show(minimum)} to {Show(maximum)}{suffix}, not nan";
            case double d when minimum is { } min && d < min:
                return $"parameter '{name}' = {ValueParser.Render(d)} is below the minimum {ValueParser.Render(min)}{suffix}";
            case double d when maximum is { } max && d > max:
                return $"parameter '{name}' = {ValueParser.Render(d)} is above the maximum {ValueParser.Render(max)}{suffix}";
            case long l when minimum is { } min && l < min:
                return $"parameter '{name}' = {l} is below the minimum {ValueParser.Render(min)}{suffix}";
            case long l when maximum is { } max && l > max:
                return $"parameter '{name}' = {l} is above the maximum {ValueParser.Render(max)}{suffix}";
            case double[] list:
                for (var i = 0; i < list.Length; i++)
                {
                    object? element = list[i];
                    if (Check($"{name}[{i}]", minimum, maximum, null, unit, ref element) is { } problem)
                    {
                        return problem;
                    }
                }

                return null;
            case string s when allowed is { Count: > 0 }:
                var match = allowed.FirstOrDefault(a => string.Equals(a, s.Trim(), StringComparison.OrdinalIgnoreCase));
                if (match is null)
                {
                    return $"parameter '{name}' = '{Text.Clip.Text(s)}' is not allowed; use one of {string.Join(", ", allowed)}";
                }

                value = match;
                return null;
            default:
                return null;
        }
    }

    private static string Show(double? bound) => bound is { } b ? ValueParser.Render(b) : "any";
}
