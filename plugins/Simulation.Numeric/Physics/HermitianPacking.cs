using System.Numerics;

namespace LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Physics;

/// <summary>
/// Packs the n² blocks B_rr' (d×d, r-major as <see cref="ComponentSpace.Gather"/> writes them) of a
/// Hermitian state into n²·d² doubles, half of their complex size: each diagonal block B_rr is
/// Hermitian and is kept as its d² real parameters (x[k·d + k] = B_kk, and for k &lt; l
/// x[k·d + l] = Re B_kl, x[l·d + k] = Im B_kl); each block above the diagonal (r &lt; r') is kept whole
/// as interleaved (re, im); a block below it is the adjoint of its mirror and is not stored.
/// </summary>
internal static class HermitianPacking
{
    /// <summary>Doubles in the packed form.</summary>
    public static int Length(int d, int n) => n * n * d * d;

    /// <summary>Packs <paramref name="blocks"/> (Hermitian as a whole; anti-Hermitian round-off is dropped).</summary>
    public static void Pack(ReadOnlySpan<Complex> blocks, Span<double> x, int d, int n)
    {
        var size = d * d;
        var offset = 0;
        for (var r = 0; r < n; r++)
        {
            var diagonal = blocks.Slice(((r * n) + r) * size, size);
            for (var k = 0; k < d; k++)
            {
                x[offset + (k * d) + k] = diagonal[(k * d) + k].Real;
                for (var l = k + 1; l < d; l++)
                {
                    var kl = diagonal[(k * d) + l];
                    var lk = diagonal[(l * d) + k];
                    x[offset + (k * d) + l] = 0.5 * (kl.Real + lk.Real);
                    x[offset + (l * d) + k] = 0.5 * (kl.Imaginary - lk.Imaginary);
                }
            }

            offset += size;
            for (var rr = r + 1; rr < n; rr++)
            {
                var block = blocks.Slice(((r * n) + rr) * size, size);
                for (var i = 0; i < size; i++)
                {
                    x[offset + (2 * i)] = block[i].Real;
                    x[offset + (2 * i) + 1] = block[i].Imaginary;
                }

                offset += 2 * size;
            }
        }
    }

    /// <summary>Writes every block back from the packed form.</summary>
    public static void Unpack(ReadOnlySpan<double> x, Span<Complex> blocks, int d, int n)
    {
        var size = d * d;
        var offset = 0;
        for (var r = 0; r < n; r++)
        {
            var diagonal = blocks.Slice(((r * n) + r) * size, size);
            for (var k = 0; k < d; k++)
            {
                diagonal[(k * d) + k] = x[offset + (k * d) + k];
                for (var l = k + 1; l < d; l++)
                {
                    var value = new Complex(x[offset + (k * d) + l], x[offset + (l * d) + k]);
                    diagonal[(k * d) + l] = value;
                    diagonal[(l * d) + k] = Complex.Conjugate(value);
                }
            }

            offset += size;
            for (var rr = r + 1; rr < n; rr++)
            {
                var upper = blocks.Slice(((r * n) + rr) * size, size);
                var lower = blocks.Slice(((rr * n) + r) * size, size);
                for (var k = 0; k < d; k++)
                {
                    for (var l = 0; l < d; l++)
                    {
                        var i = (k * d) + l;
                        var value = new Complex(x[offset + (2 * i)], x[offset + (2 * i) + 1]);
                        upper[i] = value;
                        lower[(l * d) + k] = Complex.Conjugate(value);
                    }
                }

                offset += 2 * size;
            }
        }
    }
}
