namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Fitting;

// Model: y(x) = C + A / (1 + ((x − x₀)/γ)²)
//   x₀ centre, γ half width at half maximum (positive), A peak height (negative for a dip),
//   C baseline.

/// <summary>Fits a Lorentzian peak or dip; see the model comment at the top of the file.</summary>
internal static class LorentzianFit
{
    /// <summary>The model.</summary>
    public static FitModel Model { get; } =
        new(
            "y = C + A/(1 + ((x - x0)/gamma)^2)",
            ["amplitude", "center", "hwhm", "offset"],
            (x, p) =>
            {
                var u = (x - p[1]) / p[2];
                return p[3] + (p[0] / (1 + (u * u)));
            },
            (x, p, g) =>
            {
                var u = (x - p[1]) / p[2];
                var d = 1 / (1 + (u * u));
                g[0] = d;
                g[1] = p[0] * d * d * 2 * u / p[2];
                g[2] = p[0] * d * d * 2 * u * u / p[2];
                g[3] = 1.0;
            }
        );

    /// <summary>Fits <paramref name="y"/>(<paramref name="x"/>) starting at the largest deviation from the median.</summary>
    public static FitResult Fit(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var sorted = y.Order().ToArray();
        var baseline = sorted[sorted.Length / 2];
        var extreme = 0;
        for (var k = 1; k < y.Count; k++)
        {
            if (Math.Abs(y[k] - baseline) > Math.Abs(y[extreme] - baseline))
            {
                extreme = k;
            }
        }

        var spacing = FrequencyEstimator.MedianSpacing(x);
        var span = x.Max() - x.Min();
        var height = y[extreme] - baseline;
        var starts = new List<double[]>();
        foreach (var width in new[] { 2 * spacing, 0.02 * span, 0.1 * span })
        {
            starts.Add([height, x[extreme], Math.Max(width, 1e-9), baseline]);
        }

        var fit = CurveFitter.Fit(Model, x, y, starts, p => p[2] != 0);
        if (fit.Converged && fit.Values[2] < 0)
        {
            var v = (double[])fit.Values.Clone();
            v[2] = -v[2];
            return new FitResult(
                fit.Model,
                v,
                fit.Errors,
                fit.Covariance,
                fit.RSquared,
                fit.ResidualRms,
                fit.Converged,
                fit.Message
            );
        }

        return fit;
    }
}
