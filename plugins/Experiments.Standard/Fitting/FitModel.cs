namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Fitting;

/// <summary>A scalar model y = f(x; p) with named parameters.</summary>
/// <param name="Formula">The model written out, with its symbols.</param>
/// <param name="ParameterNames">Names of p, in order.</param>
/// <param name="Function">f(x, p).</param>
/// <param name="Gradient">
/// The analytic partial derivatives of f, or null to difference f numerically. The fitter evaluates
/// the Jacobian at every optimiser step, and differencing it costs two evaluations of f per
/// parameter; the exact derivatives are also more accurate.
/// </param>
internal sealed record FitModel(
    string Formula,
    IReadOnlyList<string> ParameterNames,
    Func<double, double[], double> Function,
    ModelGradient? Gradient = null
)
{
    /// <summary>Index of a parameter by name; throws naming it when absent.</summary>
    public int IndexOf(string name)
    {
        for (var k = 0; k < ParameterNames.Count; k++)
        {
            if (ParameterNames[k] == name)
            {
                return k;
            }
        }

        throw new KeyNotFoundException($"model '{Formula}' has no parameter '{name}'");
    }
}
