namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Fitting;

// Model: y(x) = A·exp(−x/τ) + C
//   A  amplitude, τ decay constant (same unit as x, positive), C offset (asymptote).

/// <summary>Fits an exponential decay; see the model comment at the top of the file.</summary>
internal static class ExponentialDecayFit
{
    /// <summary>The model.</summary>
    public static FitModel Model { get; } =
        new(
            "y = A*exp(-x/tau) + C",
            ["amplitude", "decay", "offset"],
            (x, p) => (p[0] * Math.Exp(-x / p[1])) + p[2],
            (x, p, g) =>
            {
                var e = Math.Exp(-x / p[1]);
                g[0] = e;
                g[1] = p[0] * e * x / (p[1] * p[1]);
                g[2] = 1.0;
            }
        );

    /// <summary>Fits <paramref name="y"/>(<paramref name="x"/>).</summary>
    public static FitResult Fit(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var span = x.Max() - x.Min();
        var first = y.Take(Math.Max(1, y.Count / 10)).Average();
        var last = y.Skip(y.Count - Math.Max(1, y.Count / 10)).Average();
        var x0 = x.Min();
        var starts = new List<double[]>();
        foreach (var fraction in new[] { 0.2, 0.5, 1.0, 2.0 })
        {
            var tau = Math.Max(span * fraction, 1e-9);
            starts.Add([(first - last) * Math.Exp(x0 / tau), tau, last]);
        }

        return CurveFitter.Fit(Model, x, y, starts, p => p[1] > 0 && p[1] < 1e3 * Math.Max(span, 1e-12));
    }
}
