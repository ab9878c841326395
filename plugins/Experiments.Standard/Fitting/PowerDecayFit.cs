namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Fitting;

// Model: y(m) = A·p^m + B
//   m sequence length (number of Cliffords), p depolarising parameter per Clifford (0 < p ≤ 1),
//   A SPAM-dependent amplitude, B asymptote.

/// <summary>Randomised-benchmarking decay; see the model comment at the top of the file.</summary>
internal static class PowerDecayFit
{
    /// <summary>The model.</summary>
    public static FitModel Model { get; } =
        new(
            "y = A*p^m + B",
            ["amplitude", "p", "offset"],
            (m, v) => (v[0] * Math.Pow(v[1], m)) + v[2],
            (m, v, g) =>
            {
                g[0] = Math.Pow(v[1], m);
                g[1] = m == 0 ? 0.0 : v[0] * m * Math.Pow(v[1], m - 1);
                g[2] = 1.0;
            }
        );

    /// <summary>Fits <paramref name="y"/>(<paramref name="m"/>).</summary>
    public static FitResult Fit(IReadOnlyList<double> m, IReadOnlyList<double> y)
    {
        var first = y[0];
        var starts = new List<double[]>();
        foreach (var p in new[] { 0.999, 0.995, 0.98, 0.9 })
        {
            foreach (var b in new[] { 0.5, y[^1] })
            {
                starts.Add([(first - b) / Math.Pow(p, m[0]), p, b]);
            }
        }

        return CurveFitter.Fit(Model, m, y, starts, v => v[1] > 0 && v[1] <= 1.0 + 1e-9);
    }
}
