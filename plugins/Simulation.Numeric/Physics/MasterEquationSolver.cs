using System.Collections.Concurrent;
using System.Globalization;
using System.Numerics;
using System.Text;
using LeeQ.Epii.Platform.Contracts.Programs;
using LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Model;

namespace LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Physics;

/*
 * Physics of the simulated device
 * ===============================
 * Units: frequencies f in MHz, times t in µs, angular rates 2π·f in rad/µs, phases in rad; ħ = 1.
 *
 * State: the joint density matrix ρ of N transmons, qubit q truncated to d_q levels, index
 * Σ_q k_q·stride_q with q0 the most significant digit. a_q is the truncated lowering operator
 * (⟨k−1|a|k⟩ = √k), n_q = a_q†a_q.
 *
 * Hamiltonian, in a frame where qubit q rotates at frequency f_q^fr (applied per segment, see below):
 *   H = Σ_q Σ_k [ k·2π(f01_q − f_q^fr) + 2π·α_q·k(k−1)/2 ] |k⟩⟨k|_q
 *     + Σ_{pairs} 2π·J_ab (a_a† a_b e^{i2π(f_a^fr − f_b^fr)t} + h.c.)
 *     + Σ_{driven q} (Ω_q/2)·( ε_q(t)·e^{−i2π(f_d − f_q^fr)t}·a_q† + h.c. )
 *   with Ω_q = 2π·rabi_rate_q·amplitude (rad/µs), ε_q(t) = s(t − t_start)·e^{i(phase + virtual Z)},
 *   s = I + iQ the normalised envelope of PulseEnvelope (DRAG: Q = −(dI/dt)/(2π·alpha)), f_d the
 *   pulse's carrier and t the absolute program time (each carrier is a phase-continuous oscillator
 *   started at t = 0). In the frame of the carrier (f^fr = f_d) this is exactly the drive-frame
 *   Hamiltonian H = Σ_k [k·2π(f01 − f_d) + 2π·α·k(k−1)/2]|k⟩⟨k| + (Ω/2)(ε a† + ε* a); two-level
 *   limit on resonance: P1 = sin²(Ωt/2).
 *
 * Master equation (Lindblad):  dρ/dt = −i[H, ρ] + Σ_j ( C_j ρ C_j† − ½{C_j†C_j, ρ} )
 *   amplitude damping C = a_q/√T1_q   (|k⟩ → |k−1⟩ at rate k/T1),
 *   pure dephasing    C = √(2γφ_q)·n_q with γφ = 1/T2 − 1/(2·T1), so the coherence ρ_kl dephases at
 *   γφ·(k−l)² on top of relaxation (ladder scaling of a frequency noise proportional to n);
 *   ρ_01 decays at 1/(2T1) + γφ = 1/T2.
 *
 * Frames and segments: the state is stored in the frame where every qubit rotates at its own true
 * f01. The program's time axis is cut at every pulse edge, cosine ramp end and measurement. On
 * each segment, each connected component of the coupling graph (qubits linked by J ≠ 0) is
 * evolved on its own: components commute, and a component map acts identically on every block of
 * ρ over the other qubits. For the segment the component is moved (a diagonal unitary,
 * ρ_kl → e^{i(θ_k−θ_l)}ρ_kl with θ_k = Σ_q 2π(f_q^fr − f01_q)·k_q·t) into a frame that is uniform
 * across it, so J is static: the common carrier of its pulses if they share one, otherwise the f01 of
 * its first qubit. Exchange coupling is thus applied in the lab frame without rotating-wave
 * assumptions between different qubit frequencies. Jump operators are covariant under these
 * frame changes, so the dissipator is the same in every frame. A component with no pulse is left
 * alone until it is next driven or measured and then advanced over the whole idle span at once.
 *
 * Solvers: when every pulse on a component is constant over the segment and sits at the frame
 * frequency, the generator L is time independent and the segment is propagated exactly,
 * ρ(t+τ) = exp(L·τ)ρ(t), with L diagonalised once per distinct generator and reused for every
 * duration in a sweep (ConstantPropagator); components larger than 16 states are always integrated,
 * since their d_C²×d_C² Liouvillian would be too large to diagonalise. Otherwise (shaped envelopes, several carriers on one
 * component) the segment is integrated with adaptive Dormand–Prince 5(4) under an explicit
 * error tolerance, on the packed real form of ρ (HermitianPacking: ρ is Hermitian, so half of its
 * numbers determine the rest); such results are memoised on the exact input state (SegmentMemo). The
 * Integrated engine ("qutip" in the configuration) integrates every segment that way with
 * tighter tolerances and no caches, as an independent cross-check of the same model.
 *
 * Idle state: every qubit in diag(1 − p_th, p_th, 0, …); every program starts from it.
 */

/// <summary>Evolves the joint density matrix through a pulse program and returns the readout populations.</summary>
internal sealed class MasterEquationSolver
{
    private const double TimeEps = 1e-12;

    /// <summary>Largest component dimension propagated with dense Liouvillian exponentials (d_C² = 256).</summary>
    public const int MaxExactComponentDim = 16;

    /// <summary>
    /// Budget of the propagator cache in complex numbers (64 MiB). A solver can serve many requests
    /// on the same device, so the cache starts afresh when it would outgrow this.
    /// </summary>
    private const long PropagatorCapacityElements = 4L << 20;

    /// <summary>Generators (one per component and frame) kept before that cache starts afresh.</summary>
    private const int MaxCachedGenerators = 4096;
    private readonly DeviceModel _device;
    private readonly ComponentSpace[] _components;
    private readonly int[] _jointStrides;
    private readonly int _dim;
    private readonly Complex[] _idle;
    private readonly ConcurrentDictionary<string, ComponentGenerator> _generators = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConstantPropagator> _propagators = new(StringComparer.Ordinal);
    private readonly SegmentMemo _memo = new();
    private long _propagatorElements;
    private readonly double _atol;
    private readonly double _rtol;

    public MasterEquationSolver(DeviceModel device)
    {
        _device = device;
        var levels = device.Qubits.Select(q => q.Levels).ToArray();
        _components = [.. ConnectedComponents(device).Select((members, id) => new ComponentSpace(id, levels, members))];
        _jointStrides = new int[levels.Length];
        var stride = 1;
        for (var q = levels.Length - 1; q >= 0; q--)
        {
            _jointStrides[q] = stride;
            stride *= levels[q];
        }

        _dim = stride;
        _idle = IdleState(device, _jointStrides, _dim);
        (_atol, _rtol) = device.Engine == EngineKind.Exact ? (5e-8, 1e-6) : (1e-11, 1e-9);
    }

    /// <summary>Joint Hilbert-space dimension.</summary>
    public int Dimension => _dim;

    /// <summary>True when this solver was built for a device with exactly the properties of <paramref name="device"/>.</summary>
    public bool Simulates(DeviceModel device)
    {
        ArgumentNullException.ThrowIfNull(device);
        if (
            device.Engine != _device.Engine
            || !device.Qubits.SequenceEqual(_device.Qubits)
            || device.Couplings.Count != _device.Couplings.Count
        )
        {
            return false;
        }

        foreach (var (pair, j) in device.Couplings)
        {
            if (!_device.Couplings.TryGetValue(pair, out var mine) || !mine.Equals(j))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Runs <paramref name="program"/> from the idle state; returns, per measurement in program
    /// order, the populations of the measured qubit's levels when it was measured.
    /// </summary>
    public double[][] Run(PulseProgram program, CancellationToken cancellationToken) =>
        Simulate(program, finish: false, cancellationToken, out _);

    /// <summary>The final joint density matrix after <paramref name="program"/> (for diagnostics and tests).</summary>
    public Complex[] FinalState(PulseProgram program, CancellationToken cancellationToken)
    {
        Simulate(program, finish: true, cancellationToken, out var rho);
        return rho;
    }

    /// <summary>
    /// Walks the segments. A component with no pulse on a segment is not touched: its free evolution is
    /// deferred and applied in one step (exp(L·t1)·exp(L·t2) = exp(L·(t1+t2)) for the same free generator)
    /// when it is next driven or measured. Measuring a qubit needs only its own component to be current,
    /// because the other components' maps are trace preserving on other subsystems.
    /// </summary>
    private double[][] Simulate(
        PulseProgram program,
        bool finish,
        CancellationToken cancellationToken,
        out Complex[] rho
    )
    {
        var schedule = ProgramSchedule.Build(program, _device.Qubits.Count);
        rho = (Complex[])_idle.Clone();
        var results = new double[schedule.Measurements.Count][];
        var boundaries = schedule.Boundaries();
        var current = new double[_components.Length];
        var componentOf = new int[_device.Qubits.Count];
        foreach (var c in _components)
        {
            foreach (var q in c.Qubits)
            {
                componentOf[q] = c.Id;
            }
        }

        void Flush(ComponentSpace component, double time, Complex[] state)
        {
            if (time - current[component.Id] > TimeEps)
            {
                Evolve(component, schedule, current[component.Id], time, state, cancellationToken);
            }

            current[component.Id] = Math.Max(current[component.Id], time);
        }

        void Record(double time, Complex[] state)
        {
            for (var m = 0; m < results.Length; m++)
            {
                var measurement = schedule.Measurements[m];
                if (results[m] is null && measurement.Time <= time + TimeEps)
                {
                    Flush(_components[componentOf[measurement.Instruction.Qubit]], time, state);
                    results[m] = Populations(state, measurement.Instruction.Qubit);
                }
            }
        }

        Record(boundaries[0], rho);
        for (var s = 0; s + 1 < boundaries.Length; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var ta = boundaries[s];
            var tb = boundaries[s + 1];
            foreach (var component in _components)
            {
                if (IsDriven(component, schedule, ta, tb))
                {
                    Flush(component, ta, rho);
                    Evolve(component, schedule, ta, tb, rho, cancellationToken);
                    current[component.Id] = tb;
                }
            }

            Record(tb, rho);
        }

        if (finish)
        {
            foreach (var component in _components)
            {
                Flush(component, boundaries[^1], rho);
            }
        }

        return results;
    }

    private static bool IsDriven(ComponentSpace component, ProgramSchedule schedule, double ta, double tb)
    {
        foreach (var p in schedule.Pulses)
        {
            if (p.Start <= ta + TimeEps && p.End >= tb - TimeEps && Array.IndexOf(component.Qubits, p.Qubit) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Populations of qubit <paramref name="qubit"/>'s levels in the joint state.</summary>
    public double[] Populations(ReadOnlySpan<Complex> rho, int qubit)
    {
        var levels = _device.Qubits[qubit].Levels;
        var p = new double[levels];
        for (var i = 0; i < _dim; i++)
        {
            p[i / _jointStrides[qubit] % levels] += rho[(i * _dim) + i].Real;
        }

        var total = 0.0;
        for (var k = 0; k < levels; k++)
        {
            p[k] = Math.Max(0.0, p[k]);
            total += p[k];
        }

        for (var k = 0; k < levels; k++)
        {
            p[k] /= total;
        }

        return p;
    }

    private void Evolve(
        ComponentSpace component,
        ProgramSchedule schedule,
        double ta,
        double tb,
        Complex[] rho,
        CancellationToken cancellationToken
    )
    {
        var members = component.Qubits;
        var drives = new ScheduledPulse?[members.Length];
        var any = false;
        foreach (var p in schedule.Pulses)
        {
            var position = Array.IndexOf(members, p.Qubit);
            if (position >= 0 && p.Start <= ta + TimeEps && p.End >= tb - TimeEps)
            {
                drives[position] = p;
                any = true;
            }
        }

        var frames = new double[members.Length];
        var carriers = drives.OfType<ScheduledPulse>().Select(p => p.CarrierMhz).Distinct().ToArray();
        for (var p = 0; p < members.Length; p++)
        {
            frames[p] =
                members.Length == 1 && !any ? _device.Qubits[members[p]].F01Mhz
                : carriers.Length == 1 ? carriers[0]
                : _device.Qubits[members[0]].F01Mhz;
        }

        var constant =
            _device.Engine == EngineKind.Exact
            && component.Dim <= MaxExactComponentDim
            && drives.All(p =>
                p is null || (p.IsConstantOn(ta, tb) && p.CarrierMhz == frames[Array.IndexOf(members, p.Qubit)])
            );

        var d2 = component.Dim * component.Dim;
        var blocks = component.BlockCount;
        var y = new Complex[d2 * blocks];
        component.Gather(rho, y);
        RotateFrame(component, frames, ta, y, +1);

        var generator = Generator(component, frames);
        if (constant)
        {
            var h = new Complex[members.Length];
            for (var p = 0; p < members.Length; p++)
            {
                h[p] = drives[p] is { } pulse
                    ? DriveAmplitude(pulse, 0.5 * (ta + tb), frames[p], includeCarrier: false)
                    : Complex.Zero;
            }

            Propagator(component, frames, h, generator).Apply(y, blocks, tb - ta);
        }
        else
        {
            var memoKey = _device.Engine == EngineKind.Exact ? MemoKey(component, frames, drives, ta, tb) : null;
            if (memoKey is null || !_memo.TryApply(memoKey, y))
            {
                var input = memoKey is null ? null : (Complex[])y.Clone();
                Integrate(generator, drives, frames, ta, tb, y, component.RestDim, cancellationToken);
                if (memoKey is not null)
                {
                    _memo.Add(memoKey, input, y);
                }
            }
        }

        RotateFrame(component, frames, tb, y, -1);
        component.Scatter(y, rho);
    }

    /// <summary>The cached exact propagator of the component's constant generator with drives <paramref name="h"/>.</summary>
    private ConstantPropagator Propagator(
        ComponentSpace component,
        double[] frames,
        Complex[] h,
        ComponentGenerator generator
    )
    {
        var key = Key(component, frames, h);
        if (_propagators.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var d2 = component.Dim * component.Dim;
        if (
            Interlocked.Add(ref _propagatorElements, ConstantPropagator.StoredElements(d2)) > PropagatorCapacityElements
        )
        {
            // Starting afresh is safe: a propagator depends only on its generator, so one built
            // again gives the same numbers.
            _propagators.Clear();
            Interlocked.Exchange(ref _propagatorElements, ConstantPropagator.StoredElements(d2));
        }

        return _propagators.GetOrAdd(key, _ =>
        {
            var g = new Complex[d2];
            generator.BuildG(h, g);
            return new ConstantPropagator(generator.Liouvillian(g), d2);
        });
    }

    private void Integrate(
        ComponentGenerator generator,
        ScheduledPulse?[] drives,
        double[] frames,
        double ta,
        double tb,
        Complex[] y,
        int restDim,
        CancellationToken cancellationToken
    )
    {
        var h = new double[2 * drives.Length];
        var magnitudes = new double[drives.Length];
        for (var p = 0; p < drives.Length; p++)
        {
            if (drives[p] is { } pulse)
            {
                magnitudes[p] = Math.PI * _device.Qubits[pulse.Qubit].RabiRateMhz * Math.Abs(pulse.Amplitude) * 2;
            }
        }

        // h_p(t) = (Ω/2)·s(t)·e^{i·phase}·e^{−i2π(f_d − f_frame)t}; the constant factors are taken out of the loop.
        var factor = new Complex[drives.Length];
        var rate = new double[drives.Length];
        for (var p = 0; p < drives.Length; p++)
        {
            if (drives[p] is { } pulse)
            {
                factor[p] =
                    Math.PI
                    * _device.Qubits[pulse.Qubit].RabiRateMhz
                    * pulse.Amplitude
                    * Complex.FromPolarCoordinates(1.0, pulse.Phase);
                rate[p] = 2 * Math.PI * (pulse.CarrierMhz - frames[p]);
            }
        }

        void Derivative(double t, ReadOnlySpan<double> state, Span<double> ds)
        {
            for (var p = 0; p < drives.Length; p++)
            {
                var value = Complex.Zero;
                if (drives[p] is { } pulse)
                {
                    value = factor[p] * pulse.EnvelopeAt(t);
                    if (rate[p] != 0)
                    {
                        value *= Complex.FromPolarCoordinates(1.0, -rate[p] * t);
                    }
                }

                h[2 * p] = value.Real;
                h[(2 * p) + 1] = value.Imaginary;
            }

            generator.Derivative(h, state, ds, restDim);
        }

        // ρ is Hermitian, so only half of its blocks' real parameters are integrated.
        var d = generator.Dim;
        var packed = new double[HermitianPacking.Length(d, restDim)];
        HermitianPacking.Pack(y, packed, d, restDim);
        var firstStep = 0.05 / generator.RateBound(magnitudes);
        DormandPrince.Integrate(Derivative, packed, ta, tb, firstStep, _atol, _rtol, cancellationToken);
        HermitianPacking.Unpack(packed, y, d, restDim);
    }

    /// <summary>h = (Ω/2)·s(t)·e^{i·phase}·e^{−i2π(f_d − f_frame)t}, rad/µs.</summary>
    private Complex DriveAmplitude(ScheduledPulse pulse, double t, double frameMhz, bool includeCarrier)
    {
        var halfOmega = Math.PI * _device.Qubits[pulse.Qubit].RabiRateMhz * pulse.Amplitude;
        var angle = pulse.Phase - (includeCarrier ? 2 * Math.PI * (pulse.CarrierMhz - frameMhz) * t : 0.0);
        return halfOmega * pulse.EnvelopeAt(t) * Complex.FromPolarCoordinates(1.0, angle);
    }

    private ComponentGenerator Generator(ComponentSpace component, double[] frames)
    {
        var key = Key(component, frames, []);
        if (_generators.Count >= MaxCachedGenerators && !_generators.ContainsKey(key))
        {
            // A kept solver sees every frame a frequency sweep visits; start afresh rather than grow.
            _generators.Clear();
        }

        return _generators.GetOrAdd(key, _ => new ComponentGenerator(component, _device, frames));
    }

    /// <summary>Moves the blocks into (+1) or out of (−1) the segment frame at time t.</summary>
    private void RotateFrame(ComponentSpace component, double[] frames, double t, Complex[] y, int direction)
    {
        var d = component.Dim;
        var theta = new double[d];
        var any = false;
        for (var p = 0; p < frames.Length; p++)
        {
            var rate = 2 * Math.PI * (frames[p] - _device.Qubits[component.Qubits[p]].F01Mhz);
            if (rate == 0)
            {
                continue;
            }

            any = true;
            for (var k = 0; k < d; k++)
            {
                theta[k] += rate * component.LevelOf(p, k) * t;
            }
        }

        if (!any)
        {
            return;
        }

        var phase = new Complex[d * d];
        for (var k = 0; k < d; k++)
        {
            for (var l = 0; l < d; l++)
            {
                phase[(k * d) + l] = Complex.FromPolarCoordinates(1.0, direction * (theta[k] - theta[l]));
            }
        }

        for (var i = 0; i < y.Length; i++)
        {
            y[i] *= phase[i % (d * d)];
        }
    }

    private static string Key(ComponentSpace component, double[] frames, Complex[] drives)
    {
        var sb = new StringBuilder();
        sb.Append(component.Id.ToString(CultureInfo.InvariantCulture));
        foreach (var f in frames)
        {
            sb.Append('|').Append(Bits(f));
        }

        foreach (var h in drives)
        {
            sb.Append('|').Append(Bits(h.Real)).Append(',').Append(Bits(h.Imaginary));
        }

        return sb.ToString();
    }

    private static string MemoKey(
        ComponentSpace component,
        double[] frames,
        ScheduledPulse?[] drives,
        double ta,
        double tb
    )
    {
        var sb = new StringBuilder(Key(component, frames, []));
        sb.Append('|').Append(Bits(ta)).Append('|').Append(Bits(tb));
        foreach (var p in drives)
        {
            if (p is null)
            {
                sb.Append("|-");
                continue;
            }

            sb.Append('|')
                .Append(Bits(p.Start))
                .Append(',')
                .Append(Bits(p.End))
                .Append(',')
                .Append(Bits(p.CarrierMhz))
                .Append(',')
                .Append(Bits(p.Amplitude))
                .Append(',')
                .Append(Bits(p.Phase))
                .Append(',')
                .Append(((int)p.Envelope.Shape).ToString(CultureInfo.InvariantCulture))
                .Append(',')
                .Append(Bits(p.Envelope.Sigmas))
                .Append(',')
                .Append(Bits(p.Envelope.DragAlpha))
                .Append(',')
                .Append(Bits(p.Envelope.RampFraction));
        }

        return sb.ToString();
    }

    private static string Bits(double value) =>
        BitConverter.DoubleToInt64Bits(value).ToString("x", CultureInfo.InvariantCulture);

    private static List<List<int>> ConnectedComponents(DeviceModel device)
    {
        var n = device.Qubits.Count;
        var parent = Enumerable.Range(0, n).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        foreach (var ((a, b), j) in device.Couplings)
        {
            if (j != 0 && a < n && b < n)
            {
                parent[Find(a)] = Find(b);
            }
        }

        return [.. Enumerable.Range(0, n).GroupBy(Find).Select(g => g.ToList())];
    }

    private static Complex[] IdleState(DeviceModel device, int[] strides, int dim)
    {
        var rho = new Complex[dim * dim];
        for (var i = 0; i < dim; i++)
        {
            var p = 1.0;
            for (var q = 0; q < device.Qubits.Count; q++)
            {
                var level = i / strides[q] % device.Qubits[q].Levels;
                var thermal = device.Qubits[q].ThermalPopulation;
                p *= level switch
                {
                    0 => 1 - thermal,
                    1 => thermal,
                    _ => 0.0,
                };
            }

            rho[(i * dim) + i] = p;
        }

        return rho;
    }
}
