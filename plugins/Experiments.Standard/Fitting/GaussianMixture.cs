using System.Numerics;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Fitting;

// Model: p(z) = Σₖ wₖ · N(z; μₖ, σₖ²·I₂)
//   z a point in the IQ plane, K components with weights wₖ (Σ wₖ = 1), centres μₖ (complex) and
//   spherical (isotropic) standard deviations σₖ per quadrature. Fitted by expectation–maximisation.

/// <summary>A spherical Gaussian mixture in the IQ plane; see the model comment at the top of the file.</summary>
internal sealed class GaussianMixture
{
    private GaussianMixture(Complex[] centres, double[] sigmas, double[] weights, int iterations, bool converged)
    {
        Centres = centres;
        Sigmas = sigmas;
        Weights = weights;
        Iterations = iterations;
        Converged = converged;
    }

    /// <summary>Component centres.</summary>
    public Complex[] Centres { get; }

    /// <summary>Component standard deviations per quadrature.</summary>
    public double[] Sigmas { get; }

    /// <summary>Component weights.</summary>
    public double[] Weights { get; }

    /// <summary>EM iterations used.</summary>
    public int Iterations { get; }

    /// <summary>True when the log-likelihood settled before the iteration limit.</summary>
    public bool Converged { get; }

    /// <summary>Fits a mixture with one component per initial centre.</summary>
    public static GaussianMixture Fit(
        IReadOnlyList<Complex> points,
        IReadOnlyList<Complex> initialCentres,
        int maxIterations = 200
    )
    {
        var k = initialCentres.Count;
        var n = points.Count;
        var centres = initialCentres.ToArray();
        var spread = Math.Sqrt(points.Sum(p => Math.Pow((p - Mean(points)).Magnitude, 2)) / Math.Max(1, 2 * n));
        var sigmas = Enumerable.Repeat(Math.Max(spread, 1e-12), k).ToArray();
        var weights = Enumerable.Repeat(1.0 / k, k).ToArray();
        var resp = new double[n, k];
        var previous = double.NegativeInfinity;
        for (var iteration = 1; iteration <= maxIterations; iteration++)
        {
            var logLikelihood = 0.0;
            for (var i = 0; i < n; i++)
            {
                var max = double.NegativeInfinity;
                var log = new double[k];
                for (var j = 0; j < k; j++)
                {
                    var d2 = Math.Pow((points[i] - centres[j]).Magnitude, 2);
                    log[j] = Math.Log(weights[j]) - (2 * Math.Log(sigmas[j])) - (d2 / (2 * sigmas[j] * sigmas[j]));
                    max = Math.Max(max, log[j]);
                }

                var sum = 0.0;
                for (var j = 0; j < k; j++)
                {
                    resp[i, j] = Math.Exp(log[j] - max);
                    sum += resp[i, j];
                }

                for (var j = 0; j < k; j++)
                {
                    resp[i, j] /= sum;
                }

                logLikelihood += max + Math.Log(sum);
            }

            for (var j = 0; j < k; j++)
            {
                var nj = 0.0;
                var mu = Complex.Zero;
                for (var i = 0; i < n; i++)
                {
                    nj += resp[i, j];
                    mu += resp[i, j] * points[i];
                }

                if (nj < 1e-9)
                {
                    continue;
                }

                mu /= nj;
                var s2 = 0.0;
                for (var i = 0; i < n; i++)
                {
                    s2 += resp[i, j] * Math.Pow((points[i] - mu).Magnitude, 2);
                }

                centres[j] = mu;
                sigmas[j] = Math.Max(Math.Sqrt(s2 / (2 * nj)), 1e-12);
                weights[j] = nj / n;
            }

            if (Math.Abs(logLikelihood - previous) < 1e-7 * Math.Abs(logLikelihood))
            {
                return new GaussianMixture(centres, sigmas, weights, iteration, true);
            }

            previous = logLikelihood;
        }

        return new GaussianMixture(centres, sigmas, weights, maxIterations, false);
    }

    /// <summary>The most likely component of a point.</summary>
    public int Classify(Complex z)
    {
        var best = 0;
        var bestLog = double.NegativeInfinity;
        for (var j = 0; j < Centres.Length; j++)
        {
            var d2 = Math.Pow((z - Centres[j]).Magnitude, 2);
            var log = Math.Log(Weights[j]) - (2 * Math.Log(Sigmas[j])) - (d2 / (2 * Sigmas[j] * Sigmas[j]));
            if (log > bestLog)
            {
                bestLog = log;
                best = j;
            }
        }

        return best;
    }

    private static Complex Mean(IReadOnlyList<Complex> points)
    {
        var sum = Complex.Zero;
        foreach (var p in points)
        {
            sum += p;
        }

        return sum / Math.Max(1, points.Count);
    }
}
