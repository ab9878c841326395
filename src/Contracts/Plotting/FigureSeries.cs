namespace LeeQ.Epii.Platform.Contracts.Plotting;

/// <summary>One series of a figure.</summary>
/// <param name="Name">Legend entry.</param>
/// <param name="X">Abscissae.</param>
/// <param name="Y">Ordinates (same length as <paramref name="X"/>).</param>
/// <param name="Style">Drawing style.</param>
public sealed record FigureSeries(
    string Name,
    IReadOnlyList<double> X,
    IReadOnlyList<double> Y,
    SeriesStyle Style = SeriesStyle.Markers
);
