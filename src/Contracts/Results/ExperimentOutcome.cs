using LeeQ.Epii.Platform.Contracts.Plotting;

namespace LeeQ.Epii.Platform.Contracts.Results;

/// <summary>What an experiment returns: data, fits, figures and proposed calibration updates.</summary>
public sealed record ExperimentOutcome
{
    /// <summary>Data items, each one of the declared outputs.</summary>
    public required IReadOnlyList<ResultValue> Data { get; init; }

    /// <summary>Fits made on the data.</summary>
    public IReadOnlyList<FitReport> Fits { get; init; } = [];

    /// <summary>Figures (only when plots were asked for).</summary>
    public IReadOnlyList<Figure> Figures { get; init; } = [];

    /// <summary>
    /// Updates to apply. An experiment proposes them only when the client asked for updates and
    /// its fit is good; the host applies them atomically and reports them.
    /// </summary>
    public IReadOnlyList<CalibrationUpdate> Updates { get; init; } = [];

    /// <summary>When updates were asked for but none are proposed, why.</summary>
    public string? UpdateNote { get; init; }

    /// <summary>One-paragraph plain summary of the result.</summary>
    public string Summary { get; init; } = "";
}
