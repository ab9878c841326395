namespace LeeQ.Epii.Platform.Contracts.Experiments;

/// <summary>Everything a client needs to know to choose and call an experiment.</summary>
public sealed record ExperimentDescriptor
{
    /// <summary>Canonical name, e.g. <c>calibrations.NormalisedRabi</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Short names, e.g. <c>rabi</c>.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>What it measures.</summary>
    public required string Description { get; init; }

    /// <summary>Why one runs it.</summary>
    public string Purpose { get; init; } = "";

    /// <summary>How to run it (filled into <c>docs.run</c>).</summary>
    public string RunDocumentation { get; init; } = "";

    /// <summary>What the returned data means (filled into <c>docs.data</c>).</summary>
    public string DataDocumentation { get; init; } = "";

    /// <summary>Parameters, in the order clients should see them.</summary>
    public required IReadOnlyList<ArgumentSpec> Parameters { get; init; }

    /// <summary>Declared outputs.</summary>
    public required IReadOnlyList<OutputSpec> Outputs { get; init; }

    /// <summary>Caveats worth reading before use.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
