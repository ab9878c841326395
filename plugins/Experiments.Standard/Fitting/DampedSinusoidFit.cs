namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Fitting;

// Model: y(x) = A·exp(−x/τ)·sin(2π·f·x + φ) + C
//   A  initial amplitude (positive), τ decay constant (positive), f frequency (positive, cycles
//   per unit of x), φ phase in (−π, π] at x = 0, C offset.

/// <summary>Fits a damped sinusoid (Ramsey fringes); see the model comment at the top of the file.</summary>
internal static class DampedSinusoidFit
{
    /// <summary>The model.</summary>
    public static FitModel Model { get; } =
        new(
            "y = A*exp(-x/tau)*sin(2*pi*f*x + phi) + C",
            ["amplitude", "frequency", "phase", "decay", "offset"],
            (x, p) => (p[0] * Math.Exp(-x / p[3]) * Math.Sin((2 * Math.PI * p[1] * x) + p[2])) + p[4],
            (x, p, g) =>
            {
                var e = Math.Exp(-x / p[3]);
                var (sin, cos) = Math.SinCos((2 * Math.PI * p[1] * x) + p[2]);
                g[0] = e * sin;
                g[1] = p[0] * e * cos * 2 * Math.PI * x;
                g[2] = p[0] * e * cos;
                g[3] = p[0] * e * sin * x / (p[3] * p[3]);
                g[4] = 1.0;
            }
        );

    /// <summary>Fits <paramref name="y"/>(<paramref name="x"/>), starting from the undamped fit.</summary>
    public static FitResult Fit(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var span = x.Max() - x.Min();
        var mean = y.Average();
        var half = Math.Max((y.Max() - y.Min()) / 2, 1e-6);
        var starts = new List<double[]>();
        var undamped = SinusoidFit.Fit(x, y);
        foreach (var tau in new[] { 0.3 * span, span, 3 * span })
        {
            if (undamped.Converged)
            {
                starts.Add([undamped.Values[0] * 1.5, undamped.Values[1], undamped.Values[2], tau, undamped.Values[3]]);
            }

            foreach (var f in FrequencyEstimator.Candidates(x, y, peaks: 2))
            {
                starts.Add([half, f, 0.0, tau, mean]);
                starts.Add([half, f, Math.PI, tau, mean]);
            }
        }

        var fit = CurveFitter.Fit(Model, x, y, starts, p => p[3] > 0 && p[1] != 0);
        if (!fit.Converged)
        {
            return fit;
        }

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
