using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Fitting;

/// <summary>
/// Least-squares curve fitting with Levenberg–Marquardt from several starting points: the
/// array-based <see cref="LevenbergMarquardt"/> for models with analytic gradients, MathNet's
/// minimiser (with differenced Jacobians) for any other. The covariance is (JᵀJ)⁻¹·RSS/(n − p) with J the Jacobian at the optimum, so the
/// standard errors reflect the observed scatter (as scipy's curve_fit with absolute_sigma=False).
/// A fit that cannot converge is returned as a failed <see cref="FitResult"/>, never thrown.
/// </summary>
internal static class CurveFitter
{
    private const int MaximumIterations = 200;
    private const double GradientTolerance = 1e-12;
    private const double StepTolerance = 1e-10;
    private const double FunctionTolerance = 1e-12;

    /// <summary>Starts refined by the optimiser: the ones with the lowest initial residual.</summary>
    private const int RefinedStarts = 6;

    /// <summary>
    /// Ranks the starts by their initial residual, refines the best few with Levenberg–Marquardt and
    /// keeps the lowest residual.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="x">Abscissae.</param>
    /// <param name="y">Ordinates.</param>
    /// <param name="starts">Initial parameter vectors (at least one).</param>
    /// <param name="isAcceptable">Optional constraint on the solution (e.g. a positive time constant).</param>
    public static FitResult Fit(
        FitModel model,
        IReadOnlyList<double> x,
        IReadOnlyList<double> y,
        IEnumerable<double[]> starts,
        Func<double[], bool>? isAcceptable = null
    )
    {
        var n = x.Count;
        var p = model.ParameterNames.Count;
        if (n != y.Count)
        {
            return FitResult.Failed(model, $"x has {n} points but y has {y.Count}");
        }

        if (n <= p)
        {
            return FitResult.Failed(model, $"{n} points cannot determine {p} parameters");
        }

        if (y.Any(v => !double.IsFinite(v)))
        {
            return FitResult.Failed(model, "the data contain non-finite values");
        }

        double[]? best = null;
        var bestRss = double.PositiveInfinity;
        var lastError = "no starting point given";
        var ranked = starts
            .Where(start => start.Length == p && start.All(double.IsFinite))
            .Select(start => (Start: start, Rss: ResidualSumOfSquares(model, x, y, start)))
            .Where(s => double.IsFinite(s.Rss))
            .OrderBy(s => s.Rss)
            .Take(RefinedStarts)
            .Select(s => s.Start);
        foreach (var start in ranked)
        {
            var candidate = Minimise(model, x, y, start, out var error);
            if (candidate is null)
            {
                lastError = error;
                continue;
            }

            if (isAcceptable is not null && !isAcceptable(candidate))
            {
                lastError = "the optimum lies outside the physical range of the model";
                continue;
            }

            var rss = ResidualSumOfSquares(model, x, y, candidate);
            if (rss < bestRss)
            {
                bestRss = rss;
                best = candidate;
            }
        }

        return best is null ? FitResult.Failed(model, lastError) : Summarise(model, x, y, best, bestRss);
    }

    /// <summary>Residual sum of squares of <paramref name="parameters"/>.</summary>
    public static double ResidualSumOfSquares(
        FitModel model,
        IReadOnlyList<double> x,
        IReadOnlyList<double> y,
        double[] parameters
    )
    {
        var rss = 0.0;
        for (var k = 0; k < x.Count; k++)
        {
            var r = y[k] - model.Function(x[k], parameters);
            rss += r * r;
        }

        return rss;
    }

    /// <summary>Coefficient of determination of a residual sum of squares against the data.</summary>
    public static double RSquared(IReadOnlyList<double> y, double rss)
    {
        var mean = y.Average();
        var tss = y.Sum(v => (v - mean) * (v - mean));
        return tss > 0 ? 1 - (rss / tss) : double.NaN;
    }

    private static double[]? Minimise(
        FitModel model,
        IReadOnlyList<double> x,
        IReadOnlyList<double> y,
        double[] start,
        out string error
    )
    {
        error = "";
        var scaleValues = start.Select(v => Math.Max(Math.Abs(v), 1e-12)).ToArray();
        if (model.Gradient is { } analytic)
        {
            var point = LevenbergMarquardt.Minimise(
                model,
                analytic,
                x,
                y,
                start,
                scaleValues,
                GradientTolerance,
                StepTolerance,
                FunctionTolerance,
                MaximumIterations,
                out error
            );
            if (point is not null && point.Any(v => !double.IsFinite(v)))
            {
                error = "the optimiser diverged";
                return null;
            }

            return point;
        }

        var xs = Vector<double>.Build.DenseOfEnumerable(x);
        var ys = Vector<double>.Build.DenseOfEnumerable(y);
        Vector<double> Evaluate(Vector<double> pv, Vector<double> xv)
        {
            var pa = pv.ToArray();
            var result = Vector<double>.Build.Dense(xv.Count);
            for (var k = 0; k < xv.Count; k++)
            {
                result[k] = model.Function(xv[k], pa);
            }

            return result;
        }

        var objective = ObjectiveFunction.NonlinearModel(Evaluate, xs, ys);
        var scales = Vector<double>.Build.DenseOfArray(scaleValues);
        try
        {
            var minimiser = new LevenbergMarquardtMinimizer(
                gradientTolerance: GradientTolerance,
                stepTolerance: StepTolerance,
                functionTolerance: FunctionTolerance,
                maximumIterations: MaximumIterations
            );
            var result = minimiser.FindMinimum(objective, Vector<double>.Build.DenseOfArray(start), scales: scales);
            var point = result.MinimizingPoint.ToArray();
            if (point.Any(v => !double.IsFinite(v)))
            {
                error = "the optimiser diverged";
                return null;
            }

            return point;
        }
        catch (Exception ex)
            when (ex
                    is MaximumIterationsException
                        or ArgumentException
                        or InvalidOperationException
                        or ArithmeticException
            )
        {
            error = $"the optimiser failed: {ex.Message}";
            return null;
        }
    }

    /// <summary>The n×p Jacobian ∂f(xₖ)/∂pⱼ from the model's analytic gradient.</summary>
    private static Matrix<double> Jacobian(ModelGradient gradient, IReadOnlyList<double> x, double[] parameters)
    {
        var jacobian = Matrix<double>.Build.Dense(x.Count, parameters.Length);
        Span<double> row = stackalloc double[parameters.Length];
        for (var k = 0; k < x.Count; k++)
        {
            gradient(x[k], parameters, row);
            for (var j = 0; j < row.Length; j++)
            {
                jacobian[k, j] = row[j];
            }
        }

        return jacobian;
    }

    private static FitResult Summarise(
        FitModel model,
        IReadOnlyList<double> x,
        IReadOnlyList<double> y,
        double[] values,
        double rss
    )
    {
        var n = x.Count;
        var p = values.Length;
        var jacobian = model.Gradient is { } gradient
            ? Jacobian(gradient, x, values)
            : Matrix<double>.Build.Dense(n, p);
        for (var j = 0; j < p && model.Gradient is null; j++)
        {
            var h = 1e-6 * Math.Max(Math.Abs(values[j]), 1e-6);
            var plus = (double[])values.Clone();
            var minus = (double[])values.Clone();
            plus[j] += h;
            minus[j] -= h;
            for (var k = 0; k < n; k++)
            {
                jacobian[k, j] = (model.Function(x[k], plus) - model.Function(x[k], minus)) / (2 * h);
            }
        }

        var covariance = new double[p, p];
        var errors = new double[p];
        var converged = true;
        var message = "converged";
        var jtj = jacobian.TransposeThisAndMultiply(jacobian);
        var variance = rss / (n - p);
        try
        {
            var inverse = jtj.Inverse();
            for (var i = 0; i < p; i++)
            {
                for (var j = 0; j < p; j++)
                {
                    covariance[i, j] = inverse[i, j] * variance;
                }

                errors[i] = covariance[i, i] >= 0 ? Math.Sqrt(covariance[i, i]) : double.NaN;
            }
        }
        catch (ArithmeticException)
        {
            converged = false;
        }

        if (errors.Any(e => !double.IsFinite(e)))
        {
            converged = false;
            message = "the parameters are not determined by the data (singular covariance)";
            for (var i = 0; i < p; i++)
            {
                errors[i] = double.IsFinite(errors[i]) ? errors[i] : double.NaN;
            }
        }

        return new FitResult(
            model,
            values,
            errors,
            covariance,
            RSquared(y, rss),
            Math.Sqrt(rss / n),
            converged,
            message
        );
    }
}
