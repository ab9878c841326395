namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Fitting;

/// <summary>
/// Dominant-frequency estimates for oscillating data. The mean is removed first (so the DC term
/// never wins) and the periodogram |Σ (yₖ − ȳ)·e^(−2πi·f·xₖ)|² is evaluated on a grid oversampled
/// four times relative to the FFT bins, which also works for sweeps shorter than one period.
/// </summary>
internal static class FrequencyEstimator
{
    /// <summary>
    /// Candidate frequencies (cycles per unit of x), strongest first: the periodogram peaks plus
    /// fractions of one cycle over the span, so a fit to a partial oscillation has a sensible start.
    /// </summary>
    public static IReadOnlyList<double> Candidates(IReadOnlyList<double> x, IReadOnlyList<double> y, int peaks = 3)
    {
        var n = x.Count;
        if (n < 3)
        {
            return [];
        }

        var span = x.Max() - x.Min();
        if (span <= 0)
        {
            return [];
        }

        var spacing = MedianSpacing(x);
        var nyquist = 0.5 / spacing;
        var step = 1.0 / (4 * span);
        var count = Math.Max(4, (int)Math.Ceiling(nyquist / step));
        var mean = y.Average();
        var power = new double[count];
        var frequencies = new double[count];
        for (var k = 0; k < count; k++)
        {
            var f = (k + 1) * step;
            frequencies[k] = f;
            double re = 0,
                im = 0;
            for (var i = 0; i < n; i++)
            {
                var angle = -2 * Math.PI * f * x[i];
                var v = y[i] - mean;
                re += v * Math.Cos(angle);
                im += v * Math.Sin(angle);
            }

            power[k] = (re * re) + (im * im);
        }

        var local = new List<(double F, double P)>();
        for (var k = 0; k < count; k++)
        {
            var left = k == 0 ? double.NegativeInfinity : power[k - 1];
            var right = k == count - 1 ? double.NegativeInfinity : power[k + 1];
            if (power[k] >= left && power[k] >= right)
            {
                local.Add((frequencies[k], power[k]));
            }
        }

        var result = local.OrderByDescending(c => c.P).Take(peaks).Select(c => c.F).ToList();
        foreach (var cycles in new[] { 0.25, 0.5, 0.75, 1.0 })
        {
            result.Add(cycles / span);
        }

        return result;
    }

    /// <summary>Median spacing of sorted abscissae.</summary>
    public static double MedianSpacing(IReadOnlyList<double> x)
    {
        var sorted = x.Order().ToArray();
        var gaps = new double[sorted.Length - 1];
        for (var k = 1; k < sorted.Length; k++)
        {
            gaps[k - 1] = sorted[k] - sorted[k - 1];
        }

        Array.Sort(gaps);
        var median = gaps.Length == 0 ? 0 : gaps[gaps.Length / 2];
        return median > 0 ? median : (sorted[^1] - sorted[0]) / Math.Max(1, sorted.Length - 1);
    }
}
