using System.Numerics;
using System.Runtime.InteropServices;
using LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Model;

namespace LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Physics;

/// <summary>
/// The Lindblad generator of one component in a frame where its qubits rotate at the frequencies
/// <c>frames</c> (MHz), written as dY/dt = G·Y + Y·G† + Σ_j C_j·Y·C_j† + W∘Y with
/// G = −i·H − ½·Σ C†C. H holds the detuning and anharmonic ladder of each qubit and the
/// exchange couplings (the frame is uniform across a coupled component, so they are static);
/// a drive adds −i·(h·a† + h*·a) to G with h = (Ω/2)·ε(t) in rad/µs. Jumps are the lowering
/// operators √(1/T1)·a (level k decays at k/T1); dephasing √(2γφ)·n is diagonal and enters as
/// W[k,l] = 2γφ·n_k·n_l together with its part of G.
/// </summary>
internal sealed class ComponentGenerator
{
    private readonly ComponentSpace _space;
    private readonly Complex[] _g0;
    private readonly double[] _w;
    private readonly (int From, int To, double Value)[][] _jumps;
    private readonly (int From, int To, double Value)[][] _lowering;
    private readonly (int[] From, int[] To, double[] Value)[] _jumpsFlat;

    public ComponentGenerator(ComponentSpace space, DeviceModel device, IReadOnlyList<double> framesMhz)
    {
        _space = space;
        var d = space.Dim;
        _g0 = new Complex[d * d];
        _w = new double[d * d];
        _jumps = new (int, int, double)[space.Qubits.Length][];
        _lowering = new (int, int, double)[space.Qubits.Length][];

        var diagonalH = new double[d];
        var decay = new double[d];
        for (var p = 0; p < space.Qubits.Length; p++)
        {
            var q = device.Qubits[space.Qubits[p]];
            var detuning = 2 * Math.PI * (q.F01Mhz - framesMhz[p]);
            var anharm = 2 * Math.PI * q.AnharmonicityMhz;
            var gamma1 = 1.0 / q.T1Us;
            var gammaPhi = q.PureDephasingRate;
            var jumps = new List<(int, int, double)>();
            var lowering = new List<(int, int, double)>();
            for (var k = 0; k < d; k++)
            {
                var n = space.LevelOf(p, k);
                diagonalH[k] += (n * detuning) + (anharm * n * (n - 1) / 2.0);
                decay[k] += (gamma1 * n) + (2 * gammaPhi * n * n);
                if (n > 0)
                {
                    lowering.Add((k, k - space.Strides[p], Math.Sqrt(n)));
                    jumps.Add((k, k - space.Strides[p], Math.Sqrt(n * gamma1)));
                }

                for (var l = 0; l < d; l++)
                {
                    _w[(k * d) + l] += 2 * gammaPhi * n * space.LevelOf(p, l);
                }
            }

            _jumps[p] = [.. jumps];
            _lowering[p] = [.. lowering];
        }

        for (var k = 0; k < d; k++)
        {
            _g0[(k * d) + k] = new Complex(-0.5 * decay[k], -diagonalH[k]);
        }

        _jumpsFlat =
        [
            .. _jumps.Select(j =>
                (j.Select(e => e.From).ToArray(), j.Select(e => e.To).ToArray(), j.Select(e => e.Value).ToArray())
            ),
        ];

        // Exchange J·(a†b + a b†): −i·2πJ on every element that moves one excitation between the pair.
        for (var pa = 0; pa < space.Qubits.Length; pa++)
        {
            for (var pb = pa + 1; pb < space.Qubits.Length; pb++)
            {
                var j = 2 * Math.PI * device.Coupling(space.Qubits[pa], space.Qubits[pb]);
                if (j == 0)
                {
                    continue;
                }

                foreach (var (fromA, toA, va) in _lowering[pa])
                {
                    // a_A lowers fromA→toA; b† raises qubit B from toA.
                    var nb = space.LevelOf(pb, toA);
                    if (nb + 1 >= space.Levels[pb])
                    {
                        continue;
                    }

                    var target = toA + space.Strides[pb];
                    var element = j * va * Math.Sqrt(nb + 1);
                    _g0[(target * d) + fromA] += new Complex(0, -element);
                    _g0[(fromA * d) + target] += new Complex(0, -element);
                }
            }
        }
    }

    /// <summary>Component dimension d_C.</summary>
    public int Dim => _space.Dim;

    /// <summary>A rough bound on the generator's fastest rate, rad/µs, for the first step size.</summary>
    public double RateBound(ReadOnlySpan<double> driveMagnitudes)
    {
        var bound = DenseComplex.Norm1(_g0, Dim);
        foreach (var h in driveMagnitudes)
        {
            bound += 2 * h * Math.Sqrt(_space.Levels.Max());
        }

        return Math.Max(bound, 1e-3);
    }

    /// <summary>G = G0 − i·Σ_p (h_p·a_p† + h_p*·a_p) for drive amplitudes h (rad/µs) per member.</summary>
    public void BuildG(ReadOnlySpan<Complex> drives, Span<Complex> g)
    {
        _g0.CopyTo(g);
        var d = Dim;
        for (var p = 0; p < drives.Length; p++)
        {
            var h = drives[p];
            if (h == Complex.Zero)
            {
                continue;
            }

            var up = new Complex(h.Imaginary, -h.Real); // −i·h
            var down = new Complex(-h.Imaginary, -h.Real); // −i·h*
            foreach (var (from, to, v) in _lowering[p])
            {
                g[(from * d) + to] += up * v; // a†: to → from
                g[(to * d) + from] += down * v; // a: from → to
            }
        }
    }

    /// <summary>dY for every block of <paramref name="y"/> with the given G (hot loop: written on raw doubles).</summary>
    public void Derivative(ReadOnlySpan<Complex> g, ReadOnlySpan<Complex> y, Span<Complex> dy, int blocks)
    {
        var d = Dim;
        var size = d * d;
        var gd = MemoryMarshal.Cast<Complex, double>(g);
        var yd = MemoryMarshal.Cast<Complex, double>(y);
        var dd = MemoryMarshal.Cast<Complex, double>(dy);
        var w = _w;
        for (var b = 0; b < blocks; b++)
        {
            var o = 2 * b * size;
            for (var k = 0; k < d; k++)
            {
                for (var l = 0; l < d; l++)
                {
                    var kl = o + (2 * ((k * d) + l));
                    var wkl = w[(k * d) + l];
                    var re = wkl * yd[kl];
                    var im = wkl * yd[kl + 1];
                    for (var m = 0; m < d; m++)
                    {
                        // G[k,m]·Y[m,l]
                        var gi = 2 * ((k * d) + m);
                        var yi = o + (2 * ((m * d) + l));
                        var gr = gd[gi];
                        var gim = gd[gi + 1];
                        var yr = yd[yi];
                        var yim = yd[yi + 1];
                        re += (gr * yr) - (gim * yim);
                        im += (gr * yim) + (gim * yr);

                        // Y[k,m]·conj(G[l,m])
                        var hi = 2 * ((l * d) + m);
                        var zi = o + (2 * ((k * d) + m));
                        var hr = gd[hi];
                        var him = gd[hi + 1];
                        var zr = yd[zi];
                        var zim = yd[zi + 1];
                        re += (zr * hr) + (zim * him);
                        im += (zim * hr) - (zr * him);
                    }

                    dd[kl] = re;
                    dd[kl + 1] = im;
                }
            }

            foreach (var (from, to, value) in _jumpsFlat)
            {
                for (var j = 0; j < from.Length; j++)
                {
                    for (var i = 0; i < from.Length; i++)
                    {
                        var v = value[j] * value[i];
                        var src = o + (2 * ((from[j] * d) + from[i]));
                        var dst = o + (2 * ((to[j] * d) + to[i]));
                        dd[dst] += v * yd[src];
                        dd[dst + 1] += v * yd[src + 1];
                    }
                }
            }
        }
    }

    /// <summary>The Liouvillian (d_C²×d_C², row-major vec) for the given G.</summary>
    public Complex[] Liouvillian(ReadOnlySpan<Complex> g)
    {
        var d = Dim;
        var n = d * d;
        var l = new Complex[n * n];
        for (var k = 0; k < d; k++)
        {
            for (var c = 0; c < d; c++)
            {
                var row = ((k * d) + c) * n;
                l[row + (k * d) + c] += _w[(k * d) + c];
                for (var m = 0; m < d; m++)
                {
                    l[row + (m * d) + c] += g[(k * d) + m];
                    l[row + (k * d) + m] += Complex.Conjugate(g[(c * d) + m]);
                }
            }
        }

        foreach (var jumps in _jumps)
        {
            foreach (var (fk, tk, vk) in jumps)
            {
                foreach (var (fl, tl, vl) in jumps)
                {
                    l[(((tk * d) + tl) * n) + (fk * d) + fl] += vk * vl;
                }
            }
        }

        return l;
    }
}
