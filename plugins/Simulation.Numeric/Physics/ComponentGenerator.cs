using System.Numerics;
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
    private readonly LiouvilleTerms _terms;
    private readonly HermitianTerms _hermitian;

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

        _terms = Terms(d);
        _hermitian = HermitianTerms.From(_terms, d);
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

    /// <summary>
    /// The derivative of the packed blocks (<see cref="HermitianPacking"/>) of a state with
    /// <paramref name="restDim"/>² blocks, for drive amplitudes h_p (rad/µs) given as Re h_p, Im h_p at
    /// 2·p and 2·p + 1 of <paramref name="drives"/>: each Hermitian diagonal block through the real
    /// terms, each block above the diagonal through the complex ones.
    /// </summary>
    public void Derivative(ReadOnlySpan<double> drives, ReadOnlySpan<double> x, Span<double> dx, int restDim)
    {
        var size = Dim * Dim;
        if (restDim == 1)
        {
            _hermitian.Apply(drives, x, dx);
            return;
        }

        // Complex multipliers −i·h, i·h*, −i·h*, i·h per member as (re, im) at 8·member + 2·kind.
        Span<double> multipliers = stackalloc double[4 * drives.Length];
        for (var p = 0; 2 * p < drives.Length; p++)
        {
            var (re, im) = (drives[2 * p], drives[(2 * p) + 1]);
            var m = multipliers.Slice(8 * p, 8);
            (m[0], m[1]) = (im, -re);
            (m[2], m[3]) = (im, re);
            (m[4], m[5]) = (-im, -re);
            (m[6], m[7]) = (-im, re);
        }

        var offset = 0;
        for (var r = 0; r < restDim; r++)
        {
            _hermitian.Apply(drives, x.Slice(offset, size), dx.Slice(offset, size));
            offset += size;
            for (var rr = r + 1; rr < restDim; rr++)
            {
                ComplexBlock(multipliers, x.Slice(offset, 2 * size), dx.Slice(offset, 2 * size));
                offset += 2 * size;
            }
        }
    }

    /// <summary>dY of one block (interleaved re, im) with the complex drive multipliers.</summary>
    private void ComplexBlock(ReadOnlySpan<double> multipliers, ReadOnlySpan<double> y, Span<double> dy)
    {
        var size = Dim * Dim;
        var constant = _terms.Constant.AsSpan();
        var constantStart = _terms.ConstantStart.AsSpan(0, size + 1);
        var driven = _terms.Driven.AsSpan();
        var drivenStart = _terms.DrivenStart.AsSpan(0, size + 1);
        int c = 0,
            e = 0;
        for (var i = 0; i < size; i++)
        {
            // Each element's terms follow the previous element's, so one cursor per list walks them all.
            var re = 0.0;
            var im = 0.0;
            for (var end = constantStart[i + 1]; c < end; c++)
            {
                var term = constant[c];
                var yr = y[term.Source];
                var yi = y[term.Source + 1];
                re += (term.Real * yr) - (term.Imaginary * yi);
                im += (term.Real * yi) + (term.Imaginary * yr);
            }

            for (var end = drivenStart[i + 1]; e < end; e++)
            {
                var term = driven[e];
                var cr = term.Factor * multipliers[term.Multiplier];
                var ci = term.Factor * multipliers[term.Multiplier + 1];
                var yr = y[term.Source];
                var yi = y[term.Source + 1];
                re += (cr * yr) - (ci * yi);
                im += (cr * yi) + (ci * yr);
            }

            dy[2 * i] = re;
            dy[(2 * i) + 1] = im;
        }
    }

    /// <summary>
    /// The terms of dY, grouped by target element: the diagonal of G·Y + Y·G† with the dephasing
    /// weights, the jumps, the exchange entries of G acting from the left (on rows) and the right (on
    /// columns), and each member's drive terms. For a†'s entry G[from, to] = −i·h·√k these are √k on
    /// rows with −i·h (kind 0) and on columns with i·h* (kind 1); for a's entry G[to, from] = −i·h*·√k,
    /// kinds 2 and 3.
    /// </summary>
    private LiouvilleTerms Terms(int d)
    {
        var terms = new LiouvilleTerms.Builder(d * d);
        for (var k = 0; k < d; k++)
        {
            for (var l = 0; l < d; l++)
            {
                var i = (k * d) + l;
                terms.Add(i, i, _g0[(k * d) + k] + Complex.Conjugate(_g0[(l * d) + l]) + _w[i]);
            }
        }

        foreach (var jumps in _jumps)
        {
            foreach (var (fk, tk, vk) in jumps)
            {
                foreach (var (fl, tl, vl) in jumps)
                {
                    terms.Add((tk * d) + tl, (fk * d) + fl, vk * vl);
                }
            }
        }

        for (var r = 0; r < d; r++)
        {
            for (var c = 0; c < d; c++)
            {
                var g = _g0[(r * d) + c];
                if (r == c || g == Complex.Zero)
                {
                    continue;
                }

                for (var m = 0; m < d; m++)
                {
                    // (G·Y)[r, m] += G[r, c]·Y[c, m] and (Y·G†)[m, r] += Y[m, c]·conj(G[r, c])
                    terms.Add((r * d) + m, (c * d) + m, g);
                    terms.Add((m * d) + r, (m * d) + c, Complex.Conjugate(g));
                }
            }
        }

        for (var p = 0; p < _lowering.Length; p++)
        {
            foreach (var (from, to, v) in _lowering[p])
            {
                for (var m = 0; m < d; m++)
                {
                    terms.AddDriven((from * d) + m, (to * d) + m, p, v, kind: 0);
                    terms.AddDriven((m * d) + from, (m * d) + to, p, v, kind: 1);
                    terms.AddDriven((to * d) + m, (from * d) + m, p, v, kind: 2);
                    terms.AddDriven((m * d) + to, (m * d) + from, p, v, kind: 3);
                }
            }
        }

        return terms.Build();
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
