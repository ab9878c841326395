namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Fitting;

// Model: y(x) = a·x + b
//   a slope, b intercept; ordinary least squares in closed form.

/// <summary>Straight-line fit with standard errors; see the model comment at the top of the file.</summary>
internal static class LinearFit
{
    /// <summary>The model.</summary>
    public static FitModel Model { get; } = new("y = a*x + b", ["slope", "intercept"], (x, p) => (p[0] * x) + p[1]);

    /// <summary>Fits <paramref name="y"/>(<paramref name="x"/>).</summary>
    public static FitResult Fit(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var n = x.Count;
        if (n < 3 || n != y.Count)
        {
            return FitResult.Failed(
                Model,
                $"a line needs at least 3 points with matching x and y (got {n} and {y.Count})"
            );
        }

        var mx = x.Average();
        var my = y.Average();
        double sxx = 0,
            sxy = 0;
        for (var k = 0; k < n; k++)
        {
            sxx += (x[k] - mx) * (x[k] - mx);
            sxy += (x[k] - mx) * (y[k] - my);
        }

        if (sxx <= 0)
        {
            return FitResult.Failed(Model, "all x values are equal");
        }

        var slope = sxy / sxx;
        var intercept = my - (slope * mx);
        double[] values = [slope, intercept];
        var rss = CurveFitter.ResidualSumOfSquares(Model, x, y, values);
        var variance = rss / (n - 2);
        var varSlope = variance / sxx;
        var varIntercept = variance * ((1.0 / n) + (mx * mx / sxx));
        var covSlopeIntercept = -mx * variance / sxx;
        var covariance = new double[,]
        {
            { varSlope, covSlopeIntercept },
            { covSlopeIntercept, varIntercept },
        };
        return new FitResult(
            Model,
            values,
            [Math.Sqrt(varSlope), Math.Sqrt(varIntercept)],
            covariance,
            CurveFitter.RSquared(y, rss),
            Math.Sqrt(rss / n),
            true,
            "closed-form least squares"
        );
    }
}
