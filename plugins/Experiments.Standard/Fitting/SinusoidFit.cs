namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Fitting;

// Model: y(x) = A·sin(2π·f·x + φ) + C
//   A  amplitude (made positive), f frequency (cycles per unit of x, positive),
//   φ  phase in (−π, π] at x = 0, C offset.

/// <summary>Fits a sinusoid with FFT-based starts; see the model comment at the top of the file.</summary>
internal static class SinusoidFit
{
    /// <summary>The model.</summary>
    public static FitModel Model { get; } =
        new(
            "y = A*sin(2*pi*f*x + phi) + C",
            ["amplitude", "frequency", "phase", "offset"],
            (x, p) => (p[0] * Math.Sin((2 * Math.PI * p[1] * x) + p[2])) + p[3],
            (x, p, g) =>
            {
                var (sin, cos) = Math.SinCos((2 * Math.PI * p[1] * x) + p[2]);
                g[0] = sin;
                g[1] = p[0] * cos * 2 * Math.PI * x;
                g[2] = p[0] * cos;
                g[3] = 1.0;
            }
        );

    /// <summary>Fits <paramref name="y"/>(<paramref name="x"/>).</summary>
    /// <param name="x">Abscissae.</param>
    /// <param name="y">Ordinates.</param>
    /// <param name="frequencyHint">An extra starting frequency (e.g. the expected one), or null.</param>
    public static FitResult Fit(IReadOnlyList<double> x, IReadOnlyList<double> y, double? frequencyHint = null)
    {
        var mean = y.Average();
        var half = (y.Max() - y.Min()) / 2;
        var frequencies = FrequencyEstimator.Candidates(x, y).ToList();
        if (frequencyHint is { } hint && hint > 0)
        {
            frequencies.Insert(0, hint);
        }

        var starts = new List<double[]>();
        foreach (var f in frequencies)
        {
            foreach (var phase in new[] { 0.0, Math.PI / 2, Math.PI, -Math.PI / 2 })
            {
                starts.Add([Math.Max(half, 1e-6), f, phase, mean]);
            }
        }

        var fit = CurveFitter.Fit(Model, x, y, starts, p => p[1] != 0);
        return fit.Converged ? Normalise(fit) : fit;
    }

    private static FitResult Normalise(FitResult fit)
    {
        var v = (double[])fit.Values.Clone();
        if (v[1] < 0)
        {
            v[1] = -v[1];
            v[2] = -v[2];
        }

        if (v[0] < 0)
        {
            v[0] = -v[0];
            v[2] += Math.PI;
        }

        v[2] = Math.IEEERemainder(v[2], 2 * Math.PI);
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
}
