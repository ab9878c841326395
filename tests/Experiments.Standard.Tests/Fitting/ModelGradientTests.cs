using LeeQ.Epii.Platform.Plugins.Experiments.Standard.Fitting;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Tests.Fitting;

/// <summary>
/// The analytic gradients of the fit models against central differences of the models themselves,
/// and the array-based minimiser that uses them against MathNet's minimiser with differenced Jacobians.
/// </summary>
public sealed class ModelGradientTests
{
    public static TheoryData<string> Models => ["sinusoid", "exponential", "damped", "power", "lorentzian"];

    private static (FitModel Model, double[] Parameters, double[] X) Case(string name) =>
        name switch
        {
            "sinusoid" => (SinusoidFit.Model, [0.45, 9.7, -1.2, 0.5], [0.0, 0.013, 0.07, 0.19]),
            "exponential" => (ExponentialDecayFit.Model, [0.9, 48.0, 0.02], [0.0, 3.0, 40.0, 100.0]),
            "damped" => (DampedSinusoidFit.Model, [0.5, 1.3, 0.4, 21.0, 0.5], [0.0, 0.7, 5.0, 19.0]),
            "power" => (PowerDecayFit.Model, [0.5, 0.985, 0.5], [0.0, 1.0, 17.0, 200.0]),
            "lorentzian" => (LorentzianFit.Model, [-0.3, 5000.2, 0.8, 1.0], [4998.0, 4999.9, 5000.2, 5001.5]),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

    [Theory]
    [MemberData(nameof(Models))]
    public void Gradient_MatchesCentralDifferencesTo1e6Relative(string name)
    {
        var (model, parameters, xs) = Case(name);
        Assert.NotNull(model.Gradient);
        var gradient = new double[parameters.Length];
        foreach (var x in xs)
        {
            model.Gradient(x, parameters, gradient);
            for (var j = 0; j < parameters.Length; j++)
            {
                var h = 1e-7 * Math.Max(Math.Abs(parameters[j]), 1e-3);
                var plus = (double[])parameters.Clone();
                var minus = (double[])parameters.Clone();
                plus[j] += h;
                minus[j] -= h;
                var numeric = (model.Function(x, plus) - model.Function(x, minus)) / (2 * h);
                Assert.Equal(numeric, gradient[j], 1e-6 * Math.Max(1.0, Math.Abs(numeric)));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Fit_WithGradient_FindsTheSameOptimumAsTheDifferencedFit(string name)
    {
        var (model, truth, _) = Case(name);
        var random = new Random(5);
        var x = name switch
        {
            "lorentzian" => Enumerable.Range(0, 81).Select(k => 4996.0 + (0.1 * k)).ToArray(),
            "power" => Enumerable.Range(0, 40).Select(k => 5.0 * k).ToArray(),
            "exponential" => Enumerable.Range(0, 101).Select(k => 1.0 * k).ToArray(),
            "damped" => Enumerable.Range(0, 101).Select(k => 0.2 * k).ToArray(),
            _ => Enumerable.Range(0, 101).Select(k => 0.002 * k).ToArray(),
        };
        var y = x.Select(v => model.Function(v, truth) + (0.01 * ((2 * random.NextDouble()) - 1))).ToArray();
        var start = truth.Select((v, j) => v * (1 + (0.02 * (j + 1)))).ToArray();
        if (name == "lorentzian")
        {
            start[1] = truth[1] + 0.1;
        }

        var analytic = CurveFitter.Fit(model, x, y, [start]);
        var differenced = CurveFitter.Fit(model with { Gradient = null }, x, y, [start]);

        // The exact Jacobian can only get closer to the least-squares optimum than the differenced one
        // (whose steps of 3e-6·|p| are coarse for e.g. a Lorentzian centre at 5000 with a width of 0.8).
        Assert.True(analytic.Converged && differenced.Converged);
        Assert.True(analytic.ResidualRms <= differenced.ResidualRms * (1 + 1e-9));
        for (var j = 0; j < truth.Length; j++)
        {
            Assert.Equal(differenced.Values[j], analytic.Values[j], 0.05 * differenced.Errors[j]);
            Assert.Equal(differenced.Errors[j], analytic.Errors[j], 0.01 * differenced.Errors[j]);
        }
    }
}
