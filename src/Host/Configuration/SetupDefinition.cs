using System.Text.Json.Nodes;

namespace LeeQ.Epii.Platform.Host.Configuration;

/// <summary>A setup file after reading, mapping and validation.</summary>
internal sealed record SetupDefinition(
    JsonObject? Document,
    HostSettings? Settings,
    IReadOnlyList<ConfigProblem> Problems
)
{
    public bool IsValid =>
        Document is not null && Settings is not null && Problems.All(p => p.Severity != ProblemSeverity.Error);

    public IEnumerable<ConfigProblem> Errors => Problems.Where(p => p.Severity == ProblemSeverity.Error);

    public IEnumerable<ConfigProblem> Warnings => Problems.Where(p => p.Severity == ProblemSeverity.Warning);
}
