namespace LeeQ.Epii.Platform.Contracts.Plotting;

/// <summary>
/// A two-dimensional figure described as data. The host renders it once to PNG and to plotly
/// JSON, so experiments stay free of any plotting library.
/// </summary>
/// <param name="Title">Title (plain text).</param>
/// <param name="XLabel">X-axis label with unit, e.g. <c>Pulse width (µs)</c>.</param>
/// <param name="YLabel">Y-axis label with unit.</param>
/// <param name="Series">The series.</param>
public sealed record Figure(string Title, string XLabel, string YLabel, IReadOnlyList<FigureSeries> Series)
{
    /// <summary>Text shown as the PlotComponent description; defaults to the title.</summary>
    public string? Description { get; init; }
}
