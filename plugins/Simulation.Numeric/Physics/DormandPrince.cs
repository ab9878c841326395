namespace LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Physics;

/// <summary>
/// Adaptive explicit Runge–Kutta 5(4) of Dormand and Prince (J. Comput. Appl. Math. 6, 19, 1980)
/// with first-same-as-last stages. A step is accepted when the embedded error estimate satisfies
/// max_i |e_i| / (atol + rtol·max(|y_i|, |y_i'|)) ≤ 1 over the real components; the next step is
/// h·clamp(0.9·err^(−1/5), 0.2, 5).
/// </summary>
internal static class DormandPrince
{
    private const double C2 = 1.0 / 5,
        C3 = 3.0 / 10,
        C4 = 4.0 / 5,
        C5 = 8.0 / 9;
    private const double A21 = 1.0 / 5;
    private const double A31 = 3.0 / 40,
        A32 = 9.0 / 40;
    private const double A41 = 44.0 / 45,
        A42 = -56.0 / 15,
        A43 = 32.0 / 9;
    private const double A51 = 19372.0 / 6561,
        A52 = -25360.0 / 2187,
        A53 = 64448.0 / 6561,
        A54 = -212.0 / 729;
    private const double A61 = 9017.0 / 3168,
        A62 = -355.0 / 33,
        A63 = 46732.0 / 5247,
        A64 = 49.0 / 176,
        A65 = -5103.0 / 18656;
    private const double B1 = 35.0 / 384,
        B3 = 500.0 / 1113,
        B4 = 125.0 / 192,
        B5 = -2187.0 / 6784,
        B6 = 11.0 / 84;
    private const double E1 = 71.0 / 57600,
        E3 = -71.0 / 16695,
        E4 = 71.0 / 1920,
        E5 = -17253.0 / 339200,
        E6 = 22.0 / 525,
        E7 = -1.0 / 40;

    /// <summary>Integrates y from t0 to t1 in place; returns the number of accepted steps.</summary>
    public static int Integrate(
        DerivativeFunction f,
        Span<double> y,
        double t0,
        double t1,
        double firstStep,
        double atol,
        double rtol,
        CancellationToken cancellationToken
    )
    {
        var n = y.Length;
        var buffer = new double[9 * n];
        var k1 = buffer.AsSpan(0, n);
        var k2 = buffer.AsSpan(n, n);
        var k3 = buffer.AsSpan(2 * n, n);
        var k4 = buffer.AsSpan(3 * n, n);
        var k5 = buffer.AsSpan(4 * n, n);
        var k6 = buffer.AsSpan(5 * n, n);
        var k7 = buffer.AsSpan(6 * n, n);
        var stage = buffer.AsSpan(7 * n, n);
        var next = buffer.AsSpan(8 * n, n);

        var t = t0;
        var h = Math.Min(firstStep, t1 - t0);
        var accepted = 0;
        f(t, y, k1);
        while (t1 - t > 1e-15 * Math.Max(1.0, Math.Abs(t1)))
        {
            if ((accepted & 63) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var last = h >= t1 - t;
            if (last)
            {
                h = t1 - t;
            }

            for (var i = 0; i < n; i++)
            {
                stage[i] = y[i] + (h * A21 * k1[i]);
            }

            f(t + (C2 * h), stage, k2);
            for (var i = 0; i < n; i++)
            {
                stage[i] = y[i] + (h * ((A31 * k1[i]) + (A32 * k2[i])));
            }

            f(t + (C3 * h), stage, k3);
            for (var i = 0; i < n; i++)
            {
                stage[i] = y[i] + (h * ((A41 * k1[i]) + (A42 * k2[i]) + (A43 * k3[i])));
            }

            f(t + (C4 * h), stage, k4);
            for (var i = 0; i < n; i++)
            {
                stage[i] = y[i] + (h * ((A51 * k1[i]) + (A52 * k2[i]) + (A53 * k3[i]) + (A54 * k4[i])));
            }

            f(t + (C5 * h), stage, k5);
            for (var i = 0; i < n; i++)
            {
                stage[i] = y[i] + (h * ((A61 * k1[i]) + (A62 * k2[i]) + (A63 * k3[i]) + (A64 * k4[i]) + (A65 * k5[i])));
            }

            f(t + h, stage, k6);
            for (var i = 0; i < n; i++)
            {
                next[i] = y[i] + (h * ((B1 * k1[i]) + (B3 * k3[i]) + (B4 * k4[i]) + (B5 * k5[i]) + (B6 * k6[i])));
            }

            f(t + h, next, k7);
            var err = 0.0;
            for (var i = 0; i < n; i++)
            {
                var e = h * ((E1 * k1[i]) + (E3 * k3[i]) + (E4 * k4[i]) + (E5 * k5[i]) + (E6 * k6[i]) + (E7 * k7[i]));
                var scale = atol + (rtol * Math.Max(Math.Abs(y[i]), Math.Abs(next[i])));
                err = Math.Max(err, Math.Abs(e) / scale);
            }

            if (err <= 1.0)
            {
                t = last ? t1 : t + h;
                next.CopyTo(y);
                var swap = k1;
                k1 = k7;
                k7 = swap;
                accepted++;
            }

            var factor = err == 0 ? 5.0 : Math.Clamp(0.9 * Math.Pow(err, -0.2), 0.2, 5.0);
            h *= factor;
            if (h < 1e-14)
            {
                throw new InvalidOperationException(
                    "the master-equation integrator could not reach the requested accuracy"
                );
            }
        }

        return accepted;
    }
}
