namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Fitting;

/// <summary>
/// The outcome of a least-squares fit: best values, one-sigma errors from the covariance
/// (scaled by the residual variance), goodness of fit and whether the optimiser converged.
/// </summary>
internal sealed class FitResult
{
    public FitResult(
        FitModel model,
        double[] values,
        double[] errors,
        double[,] covariance,
        double rSquared,
        double residualRms,
        bool converged,
        string message
    )
    {
        Model = model;
        Values = values;
        Errors = errors;
        Covariance = covariance;
        RSquared = rSquared;
        ResidualRms = residualRms;
        Converged = converged;
        Message = message;
    }

    /// <summary>The model that was fitted.</summary>
    public FitModel Model { get; }

    /// <summary>Best-fit parameters, in <see cref="FitModel.ParameterNames"/> order.</summary>
    public double[] Values { get; }

    /// <summary>One-sigma standard errors (NaN when the covariance is singular).</summary>
    public double[] Errors { get; }

    /// <summary>Parameter covariance matrix.</summary>
    public double[,] Covariance { get; }

    /// <summary>Coefficient of determination, 1 − RSS/TSS (NaN for constant data).</summary>
    public double RSquared { get; }

    /// <summary>Root-mean-square residual.</summary>
    public double ResidualRms { get; }

    /// <summary>True when the optimiser finished with finite values and a usable covariance.</summary>
    public bool Converged { get; }

    /// <summary>Why the optimiser stopped, or what went wrong.</summary>
    public string Message { get; }

    /// <summary>The value of a named parameter.</summary>
    public double this[string name] => Values[Model.IndexOf(name)];

    /// <summary>The standard error of a named parameter.</summary>
    public double ErrorOf(string name) => Errors[Model.IndexOf(name)];

    /// <summary>The model evaluated at <paramref name="x"/> with the fitted values.</summary>
    public double Evaluate(double x) => Model.Function(x, Values);

    /// <summary>A failed fit that carries the reason.</summary>
    public static FitResult Failed(FitModel model, string message)
    {
        var n = model.ParameterNames.Count;
        var nan = Enumerable.Repeat(double.NaN, n).ToArray();
        var cov = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                cov[i, j] = double.NaN;
            }
        }

        return new FitResult(model, nan, [.. nan], cov, double.NaN, double.NaN, false, message);
    }
}
