using System.Numerics;

namespace LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Physics;

/// <summary>
/// Small dense complex kernels on row-major arrays. The matrices here are at most a few hundred
/// wide and are multiplied in hot loops, so plain loops over <see cref="Complex"/> arrays are
/// cheaper than wrapping them in library matrix objects for every step.
/// </summary>
internal static class DenseComplex
{
    /// <summary>c = a·b for n×n matrices.</summary>
    public static void Multiply(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b, Span<Complex> c, int n)
    {
        c[..(n * n)].Clear();
        for (var i = 0; i < n; i++)
        {
            var row = i * n;
            for (var k = 0; k < n; k++)
            {
                var aik = a[row + k];
                if (aik == Complex.Zero)
                {
                    continue;
                }

                var brow = k * n;
                for (var j = 0; j < n; j++)
                {
                    c[row + j] += aik * b[brow + j];
                }
            }
        }
    }

    /// <summary>y = m·x for an n×n matrix.</summary>
    public static void Apply(ReadOnlySpan<Complex> m, ReadOnlySpan<Complex> x, Span<Complex> y, int n)
    {
        for (var i = 0; i < n; i++)
        {
            var sum = Complex.Zero;
            var row = i * n;
            for (var j = 0; j < n; j++)
            {
                sum += m[row + j] * x[j];
            }

            y[i] = sum;
        }
    }

    /// <summary>The 1-norm (largest column sum of moduli).</summary>
    public static double Norm1(ReadOnlySpan<Complex> a, int n)
    {
        var best = 0.0;
        for (var j = 0; j < n; j++)
        {
            var sum = 0.0;
            for (var i = 0; i < n; i++)
            {
                sum += Complex.Abs(a[(i * n) + j]);
            }

            best = Math.Max(best, sum);
        }

        return best;
    }

    /// <summary>
    /// exp(a·t) by scaling and squaring with a Taylor series: a·t is scaled by 2^−s until its
    /// 1-norm is at most 1/2, the series is summed until the terms fall below 1e-18 of the
    /// sum, and the result is squared s times.
    /// </summary>
    public static Complex[] Exp(ReadOnlySpan<Complex> a, int n, double t)
    {
        var size = n * n;
        var norm = Norm1(a, n) * Math.Abs(t);
        var s = norm > 0.5 ? (int)Math.Ceiling(Math.Log2(norm / 0.5)) : 0;
        var scale = t / Math.Pow(2, s);

        var x = new Complex[size];
        for (var k = 0; k < size; k++)
        {
            x[k] = a[k] * scale;
        }

        var result = new Complex[size];
        var term = new Complex[size];
        var next = new Complex[size];
        for (var i = 0; i < n; i++)
        {
            result[(i * n) + i] = Complex.One;
            term[(i * n) + i] = Complex.One;
        }

        for (var k = 1; k < 40; k++)
        {
            Multiply(term, x, next, n);
            var inv = 1.0 / k;
            var largest = 0.0;
            for (var p = 0; p < size; p++)
            {
                term[p] = next[p] * inv;
                result[p] += term[p];
                largest = Math.Max(largest, Math.Abs(term[p].Real) + Math.Abs(term[p].Imaginary));
            }

            if (largest < 1e-18)
            {
                break;
            }
        }

        for (var k = 0; k < s; k++)
        {
            Multiply(result, result, next, n);
            (result, next) = (next, result);
        }

        return result;
    }
}
