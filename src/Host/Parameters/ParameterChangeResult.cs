namespace LeeQ.Epii.Platform.Host.Parameters;

/// <summary>Outcome of a validated, all-or-nothing parameter change.</summary>
internal sealed record ParameterChangeResult(
    bool Applied,
    IReadOnlyList<string> Problems,
    IReadOnlyList<(string Name, object? Old, object? New)> Changes
)
{
    public static ParameterChangeResult Rejected(IReadOnlyList<string> problems) => new(false, problems, []);
}
