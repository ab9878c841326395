namespace LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Readout;

/// <summary>
/// xoshiro256** (Blackman and Vigna, 2018) seeded through SplitMix64. Written out here rather than
/// using <see cref="Random"/> so that a seed gives the same numbers on every runtime version, and
/// so that a per-sweep-point generator can be derived from (seed, point index).
/// </summary>
internal sealed class SeededRandom
{
    private const int ZigguratLayers = 128;

    /// <summary>Start of the tail, and the area of each layer, for 128 layers (Doornik 2005).</summary>
    private const double ZigguratR = 3.442619855899;
    private const double ZigguratV = 9.91256303526217e-3;

    private static readonly double[] ZigguratX = BuildZigguratX();

    /// <summary>x_{i+1}/x_i: the part of layer i that lies wholly under the density.</summary>
    private static readonly double[] ZigguratRatio =
    [
        .. Enumerable.Range(0, ZigguratLayers).Select(i => ZigguratX[i + 1] / ZigguratX[i]),
    ];

    private ulong _s0,
        _s1,
        _s2,
        _s3;

    public SeededRandom(long seed, long stream = 0)
    {
        var x = unchecked((ulong)seed ^ (0x9E3779B97F4A7C15UL * (ulong)(stream + 1)));
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>
    /// Standard normal deviate by the ziggurat method of Marsaglia and Tsang (2000) in Doornik's
    /// ZIGNOR form (2005): 128 layers of equal area; about 98.8 % of draws cost one 64-bit number,
    /// a table look-up and a multiplication, the rest fall back to an exact rejection test or to
    /// the tail beyond R. Per-shot readout noise needs two deviates per shot, and the polar
    /// Box–Muller method's logarithm, square root and rejected pairs made it the largest cost of
    /// drawing shots.
    /// </summary>
    public double NextGaussian()
    {
        while (true)
        {
            var bits = Next();
            var layer = (int)(bits & (ZigguratLayers - 1));
            var u = (2.0 * ((bits >> 11) * (1.0 / (1UL << 53)))) - 1.0;
            if (Math.Abs(u) < ZigguratRatio[layer])
            {
                return u * ZigguratX[layer];
            }

            if (layer == 0)
            {
                return Tail(u < 0);
            }

            var x = u * ZigguratX[layer];
            var f0 = Math.Exp(-0.5 * ((ZigguratX[layer] * ZigguratX[layer]) - (x * x)));
            var f1 = Math.Exp(-0.5 * ((ZigguratX[layer + 1] * ZigguratX[layer + 1]) - (x * x)));
            if (f1 + (NextDouble() * (f0 - f1)) < 1.0)
            {
                return x;
            }
        }
    }

    /// <summary>A normal deviate conditioned on |x| &gt; R (Marsaglia's tail method).</summary>
    private double Tail(bool negative)
    {
        double x,
            y;
        do
        {
            x = Math.Log(NextOpenDouble()) / ZigguratR;
            y = Math.Log(NextOpenDouble());
        } while (-2 * y < x * x);

        return negative ? x - ZigguratR : ZigguratR - x;
    }

    /// <summary>Uniform in (0, 1), for logarithms.</summary>
    private double NextOpenDouble() => ((Next() >> 11) + 0.5) * (1.0 / (1UL << 53));

    /// <summary>Layer edges x_i (x_0 is the base layer's equivalent width V/f(R), x_1 = R, x_128 = 0).</summary>
    private static double[] BuildZigguratX()
    {
        var x = new double[ZigguratLayers + 1];
        var f = Math.Exp(-0.5 * ZigguratR * ZigguratR);
        x[0] = ZigguratV / f;
        x[1] = ZigguratR;
        x[ZigguratLayers] = 0;
        for (var i = 2; i < ZigguratLayers; i++)
        {
            x[i] = Math.Sqrt(-2 * Math.Log((ZigguratV / x[i - 1]) + f));
            f = Math.Exp(-0.5 * x[i] * x[i]);
        }

        return x;
    }

    private ulong Next()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        var z = x;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
