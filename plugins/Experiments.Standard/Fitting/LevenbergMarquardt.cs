namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Fitting;

/// <summary>
/// Levenberg–Marquardt least squares for the few-parameter models of this library, following the
/// algorithm and stopping rules of MathNet.Numerics' <c>LevenbergMarquardtMinimizer</c> (Madsen,
/// Nielsen and Tingleff 2004) with parameters divided by per-parameter scales: solve
/// (JᵀJ + μI)Δ = −g, accept when the actual reduction of the residual sum of squares is positive
/// relative to the predicted one, then shrink μ by max(1/3, 1 − (2ρ − 1)³), else grow it by ν.
/// It works on plain arrays: with 4–5 parameters and about a hundred points, the general-purpose
/// minimiser spent most of its time allocating matrices and partitioning the n×p products over
/// threads rather than in the model.
/// </summary>
internal static class LevenbergMarquardt
{
    private const double InitialMu = 1e-3;

    /// <summary>Minimises Σ (yₖ − f(xₖ; p))² from <paramref name="start"/>; null (with a reason) when the steps leave the finite range.</summary>
    /// <param name="model">The model, with its analytic gradient.</param>
    /// <param name="gradient">∂f/∂p of <paramref name="model"/>.</param>
    /// <param name="x">Abscissae.</param>
    /// <param name="y">Ordinates.</param>
    /// <param name="start">Initial parameters.</param>
    /// <param name="scales">Positive per-parameter scales; the steps are taken in p/scale.</param>
    /// <param name="gradientTolerance">Stop when the largest scaled gradient component is at most this.</param>
    /// <param name="stepTolerance">Stop when ‖Δ‖ ≤ tol·(tol + ‖p/scale‖²).</param>
    /// <param name="functionTolerance">Stop when the residual sum of squares is at most this.</param>
    /// <param name="maximumIterations">Accepted-or-not outer iterations allowed.</param>
    /// <param name="error">Why no point was returned.</param>
    public static double[]? Minimise(
        FitModel model,
        ModelGradient gradient,
        IReadOnlyList<double> x,
        IReadOnlyList<double> y,
        double[] start,
        double[] scales,
        double gradientTolerance,
        double stepTolerance,
        double functionTolerance,
        int maximumIterations,
        out string error
    )
    {
        error = "";
        var n = x.Count;
        var p = start.Length;
        var external = (double[])start.Clone();
        var internalPoint = new double[p];
        for (var j = 0; j < p; j++)
        {
            internalPoint[j] = start[j] / scales[j];
        }

        var residuals = new double[n];
        var rss = Residuals(model, x, y, external, residuals);
        if (double.IsNaN(rss) || rss <= functionTolerance)
        {
            return external;
        }

        var g = new double[p];
        var h = new double[p * p];
        var row = new double[p];
        NormalEquations(gradient, x, external, scales, residuals, row, g, h);
        if (InfinityNorm(g) <= gradientTolerance)
        {
            return external;
        }

        var diagonal = new double[p];
        var mu = double.NegativeInfinity;
        for (var j = 0; j < p; j++)
        {
            diagonal[j] = h[(j * p) + j];
            mu = Math.Max(mu, diagonal[j]);
        }

        mu *= InitialMu;
        var nu = 2.0;
        var damped = new double[p * p];
        var step = new double[p];
        var candidateInternal = new double[p];
        var candidate = new double[p];
        var candidateResiduals = new double[n];
        for (var iteration = 0; iteration < maximumIterations; iteration++)
        {
            while (true)
            {
                Array.Copy(h, damped, h.Length);
                for (var j = 0; j < p; j++)
                {
                    damped[(j * p) + j] = diagonal[j] + mu;
                    step[j] = -g[j];
                }

                Solve(damped, step, p);
                var pp = 0.0;
                var stepNorm = 0.0;
                for (var j = 0; j < p; j++)
                {
                    pp += internalPoint[j] * internalPoint[j];
                    stepNorm += step[j] * step[j];
                }

                if (Math.Sqrt(stepNorm) <= stepTolerance * (stepTolerance + pp))
                {
                    return external;
                }

                for (var j = 0; j < p; j++)
                {
                    candidateInternal[j] = internalPoint[j] + step[j];
                    candidate[j] = candidateInternal[j] * scales[j];
                    if (!double.IsFinite(candidate[j]))
                    {
                        error = "the optimiser failed: the parameters left the finite range";
                        return null;
                    }
                }

                var candidateRss = Residuals(model, x, y, candidate, candidateResiduals);
                if (double.IsNaN(candidateRss))
                {
                    return external;
                }

                var predicted = 0.0;
                for (var j = 0; j < p; j++)
                {
                    predicted += step[j] * ((mu * step[j]) - g[j]);
                }

                var rho = predicted != 0 ? (rss - candidateRss) / predicted : 0;
                if (rho > 0.0)
                {
                    Array.Copy(candidateInternal, internalPoint, p);
                    Array.Copy(candidate, external, p);
                    Array.Copy(candidateResiduals, residuals, n);
                    rss = candidateRss;
                    NormalEquations(gradient, x, external, scales, residuals, row, g, h);
                    for (var j = 0; j < p; j++)
                    {
                        diagonal[j] = h[(j * p) + j];
                    }

                    if (InfinityNorm(g) <= gradientTolerance || rss <= functionTolerance)
                    {
                        return external;
                    }

                    mu *= Math.Max(1.0 / 3.0, 1.0 - Math.Pow((2.0 * rho) - 1.0, 3));
                    nu = 2;
                    break;
                }

                mu *= nu;
                nu *= 2;
            }
        }

        return external;
    }

    private static double Residuals(
        FitModel model,
        IReadOnlyList<double> x,
        IReadOnlyList<double> y,
        double[] parameters,
        double[] residuals
    )
    {
        var rss = 0.0;
        for (var k = 0; k < residuals.Length; k++)
        {
            residuals[k] = y[k] - model.Function(x[k], parameters);
            rss += residuals[k] * residuals[k];
        }

        return rss;
    }

    /// <summary>g = −Jᵀr and H = JᵀJ in the scaled parameters (J of the model, r = y − f).</summary>
    private static void NormalEquations(
        ModelGradient gradient,
        IReadOnlyList<double> x,
        double[] parameters,
        double[] scales,
        double[] residuals,
        double[] row,
        double[] g,
        double[] h
    )
    {
        var p = parameters.Length;
        Array.Clear(g);
        Array.Clear(h);
        for (var k = 0; k < residuals.Length; k++)
        {
            gradient(x[k], parameters, row);
            for (var i = 0; i < p; i++)
            {
                var ji = row[i];
                g[i] -= ji * residuals[k];
                for (var j = i; j < p; j++)
                {
                    h[(i * p) + j] += ji * row[j];
                }
            }
        }

        for (var i = 0; i < p; i++)
        {
            g[i] *= scales[i];
            for (var j = i; j < p; j++)
            {
                h[(i * p) + j] *= scales[i] * scales[j];
                h[(j * p) + i] = h[(i * p) + j];
            }
        }
    }

    private static double InfinityNorm(double[] v)
    {
        var max = 0.0;
        foreach (var e in v)
        {
            max = Math.Max(max, Math.Abs(e));
        }

        return max;
    }

    /// <summary>Solves a·s = b in place (b becomes s) by Gaussian elimination with partial pivoting.</summary>
    private static void Solve(double[] a, double[] b, int p)
    {
        for (var c = 0; c < p; c++)
        {
            var pivot = c;
            for (var r = c + 1; r < p; r++)
            {
                if (Math.Abs(a[(r * p) + c]) > Math.Abs(a[(pivot * p) + c]))
                {
                    pivot = r;
                }
            }

            if (pivot != c)
            {
                for (var k = 0; k < p; k++)
                {
                    (a[(c * p) + k], a[(pivot * p) + k]) = (a[(pivot * p) + k], a[(c * p) + k]);
                }

                (b[c], b[pivot]) = (b[pivot], b[c]);
            }

            for (var r = c + 1; r < p; r++)
            {
                var factor = a[(r * p) + c] / a[(c * p) + c];
                for (var k = c; k < p; k++)
                {
                    a[(r * p) + k] -= factor * a[(c * p) + k];
                }

                b[r] -= factor * b[c];
            }
        }

        for (var r = p - 1; r >= 0; r--)
        {
            var sum = b[r];
            for (var k = r + 1; k < p; k++)
            {
                sum -= a[(r * p) + k] * b[k];
            }

            b[r] = sum / a[(r * p) + r];
        }
    }
}
