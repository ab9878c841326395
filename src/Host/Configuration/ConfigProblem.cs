namespace LeeQ.Epii.Platform.Host.Configuration;

/// <summary>One problem found in a setup file: where (a JSON path, or line and column) and what.</summary>
internal sealed record ConfigProblem(string Location, string Message, ProblemSeverity Severity = ProblemSeverity.Error)
{
    public override string ToString() =>
        $"{(Severity == ProblemSeverity.Error ? "error" : "warning")}: {Location}: {Message}";
}
