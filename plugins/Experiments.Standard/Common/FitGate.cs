using System.Globalization;
using LeeQ.Epii.Platform.Contracts.Results;
using LeeQ.Epii.Platform.Plugins.Experiments.Standard.Fitting;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Common;

/// <summary>
/// The quality gate of a fit. A fit is good when the optimiser converged with a usable
/// covariance, R² reaches the experiment's threshold, every value the experiment relies on has a
/// relative standard error below its limit, and any experiment-specific condition holds. The
/// first failing rule is the reason given.
/// </summary>
internal sealed class FitGate
{
    private readonly FitResult _fit;
    private readonly List<string> _failures = [];

    public FitGate(FitResult fit, double minimumRSquared)
    {
        _fit = fit;
        if (!fit.Converged)
        {
            _failures.Add($"the fit did not converge: {fit.Message}");
            return;
        }

        if (double.IsNaN(fit.RSquared))
        {
            _failures.Add("the data are flat (no variation to fit)");
        }
        else if (fit.RSquared < minimumRSquared)
        {
            _failures.Add(
                Invariant(
                    $"R² = {fit.RSquared:F3} is below {minimumRSquared:F2}: the model does not describe the data (noise only, or the wrong sweep range)"
                )
            );
        }
    }

    /// <summary>Requires the relative standard error of <paramref name="parameter"/> to be at most <paramref name="limit"/>.</summary>
    public FitGate RelativeError(string parameter, double limit, string label)
    {
        if (!_fit.Converged)
        {
            return this;
        }

        var value = _fit[parameter];
        var error = _fit.ErrorOf(parameter);
        var relative = Math.Abs(error / value);
        if (!double.IsFinite(relative) || relative > limit)
        {
            _failures.Add(
                Invariant(
                    $"{label} is poorly determined: {value:G4} ± {error:G2} (relative error {relative:P1}, limit {limit:P0})"
                )
            );
        }

        return this;
    }

    /// <summary>Adds an experiment-specific condition.</summary>
    public FitGate Require(bool condition, string reasonWhenFalse)
    {
        if (_fit.Converged && !condition)
        {
            _failures.Add(reasonWhenFalse);
        }

        return this;
    }

    /// <summary>The verdict.</summary>
    public FitQuality Quality => _failures.Count == 0 ? FitQuality.Good : FitQuality.Bad;

    /// <summary>Why the verdict is what it is.</summary>
    public string Reason =>
        _failures.Count == 0
            ? Invariant($"converged with R² = {_fit.RSquared:F3}; every checked value is determined within its limit")
            : string.Join("; ", _failures);

    /// <summary>Formats with the invariant culture.</summary>
    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
