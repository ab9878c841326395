using LeeQ.Epii.Platform.Plugins.Experiments.Standard.Fitting;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Tests.Fitting;

/// <summary>Fits of synthetic data with known parameters and Gaussian noise.</summary>
public sealed class FitLibraryTests
{
    private static double[] Axis(double start, double step, int n) =>
        [.. Enumerable.Range(0, n).Select(k => start + (k * step))];

    private static double[] Noisy(double[] x, Func<double, double> f, double sigma, int seed)
    {
        var random = new Random(seed);
        return [.. x.Select(v => f(v) + (sigma * Gaussian(random)))];
    }

    private static double Gaussian(Random r) =>
        Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());

    [Theory]
    [InlineData(10.0, 0.3, 1)]
    [InlineData(3.7, -1.2, 2)]
    [InlineData(1.7, 2.0, 3)] // half an oscillation over the 0.3 µs span
    public void Sinusoid_recovers_frequency_within_two_percent_and_error_is_consistent(double f, double phase, int seed)
    {
        var x = Axis(0, 0.002, 150);
        var y = Noisy(x, t => (0.45 * Math.Sin((2 * Math.PI * f * t) + phase)) + 0.5, 0.01, seed);
        var fit = SinusoidFit.Fit(x, y);
        Assert.True(fit.Converged, fit.Message);
        Assert.InRange(fit["frequency"], f * 0.98, f * 1.02);
        Assert.InRange(fit["amplitude"], 0.43, 0.47);
        Assert.True(fit.ErrorOf("frequency") > 0);
        // The true value lies within five standard errors.
        Assert.True(
            Math.Abs(fit["frequency"] - f) < 5 * fit.ErrorOf("frequency"),
            $"{fit["frequency"]} ± {fit.ErrorOf("frequency")}"
        );
        Assert.True(fit.RSquared > 0.99);
    }

    [Fact]
    public void Sinusoid_on_pure_noise_has_low_r_squared()
    {
        var x = Axis(0, 0.002, 150);
        var y = Noisy(x, _ => 0.02, 0.01, 5);
        var fit = SinusoidFit.Fit(x, y);
        Assert.True(!fit.Converged || fit.RSquared < 0.5, $"R² {fit.RSquared}");
    }

    [Fact]
    public void Sinusoid_on_constant_data_does_not_throw()
    {
        var x = Axis(0, 0.002, 50);
        var fit = SinusoidFit.Fit(x, [.. x.Select(_ => 0.0)]);
        Assert.True(!fit.Converged || double.IsNaN(fit.RSquared));
    }

    [Fact]
    public void Exponential_decay_recovers_time_constant_within_five_percent()
    {
        var x = Axis(0, 1.0, 100);
        var y = Noisy(x, t => (0.9 * Math.Exp(-t / 50)) + 0.05, 0.01, 11);
        var fit = ExponentialDecayFit.Fit(x, y);
        Assert.True(fit.Converged, fit.Message);
        Assert.True(Math.Abs(fit["decay"] - 50) < 2.5, $"{fit["decay"]} ± {fit.ErrorOf("decay")}");
        Assert.True(Math.Abs(fit["decay"] - 50) < 4 * fit.ErrorOf("decay"), $"{fit["decay"]} ± {fit.ErrorOf("decay")}");
    }

    [Fact]
    public void Damped_sinusoid_recovers_frequency_and_decay()
    {
        var x = Axis(0, 0.1, 500);
        var y = Noisy(x, t => (0.5 * Math.Exp(-t / 40) * Math.Sin((2 * Math.PI * 1.03 * t) + 1.0)) + 0.5, 0.01, 13);
        var fit = DampedSinusoidFit.Fit(x, y);
        Assert.True(fit.Converged, fit.Message);
        Assert.InRange(fit["frequency"], 1.03 - 0.005, 1.03 + 0.005);
        Assert.InRange(fit["decay"], 36, 44);
    }

    [Fact]
    public void Lorentzian_recovers_centre_of_a_dip()
    {
        var x = Axis(6990, 0.1, 201);
        var y = Noisy(x, f => 1 - (0.8 / (1 + Math.Pow((f - 6998.7) / 1.0, 2))), 0.01, 17);
        var fit = LorentzianFit.Fit(x, y);
        Assert.True(fit.Converged, fit.Message);
        Assert.InRange(fit["center"], 6998.6, 6998.8);
        Assert.InRange(fit["hwhm"], 0.9, 1.1);
        Assert.True(fit["amplitude"] < 0);
    }

    [Fact]
    public void Linear_fit_gives_slope_and_standard_error()
    {
        var x = Axis(0, 1, 50);
        var y = Noisy(x, v => (2 * v) + 1, 0.5, 19);
        var fit = LinearFit.Fit(x, y);
        Assert.InRange(fit["slope"], 1.97, 2.03);
        Assert.InRange(fit.ErrorOf("slope"), 0.003, 0.01);
    }

    [Fact]
    public void Power_decay_recovers_depolarising_parameter()
    {
        double[] m = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024];
        var y = Noisy(m, v => (0.45 * Math.Pow(0.998, v)) + 0.5, 0.005, 23);
        var fit = PowerDecayFit.Fit(m, y);
        Assert.True(fit.Converged, fit.Message);
        Assert.InRange(fit["p"], 0.9975, 0.9985);
    }
}
