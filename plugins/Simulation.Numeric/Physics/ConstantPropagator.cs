using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.InteropServices;
using MathNet.Numerics.LinearAlgebra;

namespace LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Physics;

/// <summary>
/// exp(L·τ) for one time-independent Liouvillian L and any duration τ. L is diagonalised once
/// (L = V·Λ·V⁻¹, so exp(L·τ) = V·exp(Λ·τ)·V⁻¹ costs two matrix-vector products per duration);
/// when the eigenvectors are ill-conditioned (a defective or nearly defective L), it falls back
/// to scaling-and-squaring exponentials cached per duration. The choice depends only on L, so
/// results do not depend on the order in which sweep points ask.
/// </summary>
internal sealed class ConstantPropagator
{
    /// <summary>Exponentials kept per duration in the fallback before the cache starts afresh (it outlives one sweep).</summary>
    private const int MaxCachedDurations = 256;

    private readonly Complex[] _l;
    private readonly int _n;
    private readonly Lazy<Spectral?> _spectral;
    private readonly ConcurrentDictionary<double, Complex[]> _byDuration = new();
    private InputCoefficients? _lastInput;

    public ConstantPropagator(Complex[] liouvillian, int n)
    {
        _l = liouvillian;
        _n = n;
        _spectral = new Lazy<Spectral?>(Diagonalise, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Complex numbers held by a propagator of an n×n Liouvillian (L, V and V⁻¹), for cache budgets.</summary>
    public static long StoredElements(int n) => (3L * n * n) + n;

    /// <summary>True when the spectral form is in use.</summary>
    public bool IsSpectral => _spectral.Value is not null;

    /// <summary>Applies exp(L·τ) to each of <paramref name="blocks"/> vectors of length n in <paramref name="y"/>.</summary>
    public void Apply(Span<Complex> y, int blocks, double tau)
    {
        var n = _n;
        Span<Complex> tmp = n <= 256 ? stackalloc Complex[n] : new Complex[n];
        if (_spectral.Value is { } s)
        {
            Span<Complex> phase = n <= 256 ? stackalloc Complex[n] : new Complex[n];
            for (var i = 0; i < n; i++)
            {
                phase[i] = Complex.Exp(s.Values[i] * tau);
            }

            for (var b = 0; b < blocks; b++)
            {
                var yb = y.Slice(b * n, n);
                EigenCoefficients(s, yb, tmp);
                for (var i = 0; i < n; i++)
                {
                    tmp[i] *= phase[i];
                }

                DenseComplex.Apply(s.Vectors, tmp, yb, n);
            }

            return;
        }

        if (_byDuration.Count >= MaxCachedDurations && !_byDuration.ContainsKey(tau))
        {
            _byDuration.Clear();
        }

        var p = _byDuration.GetOrAdd(tau, t => DenseComplex.Exp(_l, n, t));
        for (var b = 0; b < blocks; b++)
        {
            var yb = y.Slice(b * n, n);
            DenseComplex.Apply(p, yb, tmp, n);
            tmp.CopyTo(yb);
        }
    }

    /// <summary>
    /// c = V⁻¹·y. The sweep points of a duration sweep all start the segment from the same state
    /// (e.g. the idle state, or the state after a shared π pulse), so the last input and its
    /// coefficients are remembered and reused when the next input is bitwise the same; that
    /// halves the work per point and gives exactly the numbers the product would.
    /// </summary>
    private void EigenCoefficients(Spectral s, ReadOnlySpan<Complex> y, Span<Complex> c)
    {
        var last = Volatile.Read(ref _lastInput);
        if (last is not null && MemoryMarshal.AsBytes(y).SequenceEqual(MemoryMarshal.AsBytes(last.Input.AsSpan())))
        {
            last.Coefficients.CopyTo(c);
            return;
        }

        DenseComplex.Apply(s.Inverse, y, c, _n);
        Volatile.Write(ref _lastInput, new InputCoefficients(y.ToArray(), c.ToArray()));
    }

    private Spectral? Diagonalise()
    {
        var n = _n;
        var m = Matrix<Complex>.Build.Dense(n, n, (i, j) => _l[(i * n) + j]);
        var scale = 1.0;
        foreach (var v in _l)
        {
            scale = Math.Max(scale, Complex.Abs(v));
        }

        try
        {
            var evd = m.Evd(Symmetricity.Asymmetric);
            var vectors = evd.EigenVectors;
            var inverse = vectors.Inverse();
            var values = evd.EigenValues;
            var reconstructed = vectors * Matrix<Complex>.Build.DenseOfDiagonalVector(values) * inverse;
            var error = (reconstructed - m).Enumerate().Max(Complex.Abs);
            var conditioning = vectors.Enumerate().Max(Complex.Abs) * inverse.Enumerate().Max(Complex.Abs) * n;
            if (!(error <= 1e-11 * scale) || !(conditioning < 1e6) || values.Any(v => v.Real > 1e-9 * scale))
            {
                return null;
            }

            return new Spectral([.. values], Flatten(vectors, n), Flatten(inverse, n));
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static Complex[] Flatten(Matrix<Complex> m, int n)
    {
        var a = new Complex[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                a[(i * n) + j] = m[i, j];
            }
        }

        return a;
    }

    private sealed record Spectral(Complex[] Values, Complex[] Vectors, Complex[] Inverse);

    private sealed record InputCoefficients(Complex[] Input, Complex[] Coefficients);
}
