using LeeQ.Epii.Platform.Plugins.Experiments.Standard.Fitting;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Tests.Fitting;

/// <summary>The analytic gradients of the fit models against central differences of the models themselves.</summary>
public sealed class ModelGradientTests
{
    public static TheoryData<string> Models => ["sinusoid", "exponential", "damped", "power", "lorentzian"];

    private static (FitModel Model, double[] Parameters, double[] X) Case(string name) => name switch
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
}
