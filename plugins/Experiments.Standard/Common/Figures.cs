using LeeQ.Epii.Platform.Contracts.Plotting;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Common;

/// <summary>Figures described as data: measured points and, when there is one, the fitted curve.</summary>
internal static class Figures
{
    /// <summary>Points of the fitted curve drawn over the data.</summary>
    private const int CurvePoints = 400;

    /// <summary>A figure with the data and an optional fitted curve evaluated densely across the x range.</summary>
    public static Figure DataAndFit(
        string title,
        string xLabel,
        string yLabel,
        IReadOnlyList<double> x,
        IReadOnlyList<double> y,
        Func<double, double>? fit,
        string fitLabel = "fit"
    )
    {
        var series = new List<FigureSeries> { new("data", [.. x], [.. y], SeriesStyle.Markers) };
        if (fit is not null && x.Count > 1)
        {
            var lo = x.Min();
            var hi = x.Max();
            var xs = Enumerable.Range(0, CurvePoints).Select(k => lo + ((hi - lo) * k / (CurvePoints - 1))).ToArray();
            series.Add(new FigureSeries(fitLabel, xs, [.. xs.Select(fit)], SeriesStyle.Line));
        }

        return new Figure(title, xLabel, yLabel, series);
    }
}
