using System.Numerics;
using LeeQ.Epii.Platform.Contracts.Backends;
using LeeQ.Epii.Platform.Contracts.Experiments;
using LeeQ.Epii.Platform.Contracts.Programs;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Tests.Support;

/// <summary>
/// An analytic REFERENCE device for unit tests, NOT the product simulator: independent two-level
/// qubits in their own rotating frame. A pulse drives Ω(t) = 2π·r·A·s(t)·e^{i(φ + vz + 2π(f_q − f_d)t)}
/// with H = ½(Re Ω σx − Im Ω σy + δ σz) (the platform's convention: phase φ rotates about the axis
/// at −φ, carriers are phase-continuous) and δ = −|Ω|²/(2π·alpha_opt) a drive-induced Stark shift, integrated
/// in 0.5 ns steps; after each pulse and during delays T1 and T2 act on the density matrix. A
/// measurement draws every shot (binomial shot noise), places it at the notch response of the
/// resonator pulled by ±χ for that state plus Gaussian noise, and assigns it to the nearer of the
/// two state responses at the probe frequency.
/// </summary>
public sealed class AnalyticTwoLevelExecutor : IExperimentExecutor
{
    private const double StepUs = 0.0005;
    private readonly IReadOnlyDictionary<int, DeviceQubit> _qubits;
    private readonly Random _random;
    private readonly int _defaultShots;
    private readonly Dictionary<
        (double Amp, double Phase, double Width, PulseEnvelope Envelope, int Qubit),
        Complex[]
    > _unitaries = [];

    public AnalyticTwoLevelExecutor(
        IReadOnlyDictionary<int, DeviceQubit> qubits,
        int shots = 2000,
        int seed = 1,
        bool returnShots = false
    )
    {
        _qubits = qubits;
        _defaultShots = shots;
        _random = new Random(seed);
        ReturnShots = returnShots;
    }

    /// <summary>Whether per-shot IQ values are returned.</summary>
    public bool ReturnShots { get; set; }

    /// <summary>Every batch of programs executed, in order.</summary>
    public List<IReadOnlyList<PulseProgram>> Requests { get; } = [];

    /// <inheritdoc />
    public Task<ExecutionResult> ExecuteAsync(
        IReadOnlyList<PulseProgram> programs,
        int? shots,
        CancellationToken cancellationToken
    )
    {
        Requests.Add(programs);
        var n = shots ?? _defaultShots;
        var outcomes = new List<ProgramOutcome>(programs.Count);
        foreach (var program in programs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            outcomes.Add(Run(program, n));
        }

        return Task.FromResult(new ExecutionResult(outcomes, 1));
    }

    /// <inheritdoc />
    public async Task<ExecutionResult> ExecuteAsync(
        IReadOnlyList<PulseProgram> programs,
        int? shots,
        bool returnShots,
        CancellationToken cancellationToken
    )
    {
        var previous = ReturnShots;
        ReturnShots = previous || returnShots;
        try
        {
            return await ExecuteAsync(programs, shots, cancellationToken);
        }
        finally
        {
            ReturnShots = previous;
        }
    }

    private ProgramOutcome Run(PulseProgram program, int shots)
    {
        var states = _qubits.Keys.ToDictionary(q => q, _ => new QubitState());
        var measurements = new List<MeasurementOutcome>();
        foreach (var instruction in program.Instructions)
        {
            switch (instruction)
            {
                case PulseInstruction p:
                    Pulse(p, states[p.Qubit]);
                    break;
                case DelayInstruction d:
                    foreach (var q in d.Qubits ?? [.. _qubits.Keys])
                    {
                        Decay(states[q], _qubits[q], d.DurationUs);
                        states[q].Time += d.DurationUs;
                    }

                    break;
                case VirtualZInstruction z:
                    states[z.Qubit].FramePhase += z.Phase;
                    break;
                case BarrierInstruction b:
                    var names = b.Qubits ?? [.. _qubits.Keys];
                    var latest = names.Max(q => states[q].Time);
                    foreach (var q in names)
                    {
                        Decay(states[q], _qubits[q], latest - states[q].Time);
                        states[q].Time = latest;
                    }

                    break;
                case MeasureInstruction m:
                    measurements.Add(Measure(m, states[m.Qubit], shots));
                    break;
                default:
                    throw new NotSupportedException(instruction.GetType().Name);
            }
        }

        return new ProgramOutcome(measurements);
    }

    private void Pulse(PulseInstruction p, QubitState s)
    {
        var device = _qubits[p.Qubit];
        var detuning = device.F01 - p.FrequencyMhz;
        Complex[] u;
        if (detuning == 0)
        {
            var key = (
                p.Amplitude,
                Math.IEEERemainder(p.Phase + s.FramePhase, 2 * Math.PI),
                p.WidthUs,
                p.Envelope,
                p.Qubit
            );
            if (!_unitaries.TryGetValue(key, out u!))
            {
                u = Propagator(p, device, key.Item2, 0, 0);
                _unitaries[key] = u;
            }
        }
        else
        {
            u = Propagator(p, device, p.Phase + s.FramePhase, detuning, s.Time);
        }

        s.Apply(u);
        Decay(s, device, p.WidthUs);
        s.Time += p.WidthUs;
    }

    private static Complex[] Propagator(
        PulseInstruction p,
        DeviceQubit device,
        double phase,
        double detuning,
        double t0
    )
    {
        var steps = Math.Max(1, (int)Math.Ceiling(p.WidthUs / StepUs));
        if (p.Envelope.Shape == EnvelopeShape.Square && detuning == 0)
        {
            steps = 1;
        }

        var dt = p.WidthUs / steps;
        var samples = p.Envelope.SampleMidpoints(p.WidthUs, steps);
        Complex[] u = [1, 0, 0, 1];
        var stark = -1.0 / (2 * Math.PI * device.OptimalDragAlpha);
        for (var k = 0; k < steps; k++)
        {
            var t = t0 + ((k + 0.5) * dt);
            var omega =
                2
                * Math.PI
                * device.RabiRate
                * p.Amplitude
                * samples[k]
                * Complex.FromPolarCoordinates(1, phase + (2 * Math.PI * detuning * t));
            var hx = omega.Real;
            var hy = -omega.Imaginary;
            var hz = stark * omega.Magnitude * omega.Magnitude;
            var norm = Math.Sqrt((hx * hx) + (hy * hy) + (hz * hz));
            if (norm == 0)
            {
                continue;
            }

            var angle = norm * dt;
            var c = Math.Cos(angle / 2);
            var sn = Math.Sin(angle / 2);
            var (nx, ny, nz) = (hx / norm, hy / norm, hz / norm);
            // exp(−i·angle/2·n·σ) = c·I − i·s·(nx σx + ny σy + nz σz)
            Complex[] step =
            [
                new Complex(c, -sn * nz),
                new Complex(-sn * ny, -sn * nx),
                new Complex(sn * ny, -sn * nx),
                new Complex(c, sn * nz),
            ];
            u = Multiply(step, u);
        }

        return u;
    }

    private static Complex[] Multiply(Complex[] a, Complex[] b) =>
        [
            (a[0] * b[0]) + (a[1] * b[2]),
            (a[0] * b[1]) + (a[1] * b[3]),
            (a[2] * b[0]) + (a[3] * b[2]),
            (a[2] * b[1]) + (a[3] * b[3]),
        ];

    private static void Decay(QubitState s, DeviceQubit device, double duration)
    {
        if (duration <= 0)
        {
            return;
        }

        var relax = Math.Exp(-duration / device.T1);
        var p1 = s.Rho[3].Real * relax;
        s.Rho[3] = p1;
        s.Rho[0] = 1 - p1;
        var coherence = Math.Exp(-duration / device.T2);
        s.Rho[1] *= coherence;
        s.Rho[2] *= coherence;
    }

    private MeasurementOutcome Measure(MeasureInstruction m, QubitState s, int shots)
    {
        var device = _qubits[m.Qubit];
        var p1 = Math.Clamp(s.Rho[3].Real, 0, 1);
        var r0 = Response(device, m.FrequencyMhz, 0);
        var r1 = Response(device, m.FrequencyMhz, 1);
        var iqs = ReturnShots ? new Complex[shots] : null;
        var states = ReturnShots ? new byte[shots] : null;
        var sum = Complex.Zero;
        var ones = 0;
        for (var k = 0; k < shots; k++)
        {
            var excited = _random.NextDouble() < p1;
            var iq = (excited ? r1 : r0) + new Complex(Gaussian() * device.IqNoise, Gaussian() * device.IqNoise);
            var assigned = (iq - r1).Magnitude < (iq - r0).Magnitude ? 1 : 0;
            ones += assigned;
            sum += iq;
            if (iqs is not null)
            {
                iqs[k] = iq;
                states![k] = (byte)assigned;
            }
        }

        // Measurement collapses the state.
        s.Rho = [1.0 - p1, 0, 0, p1];
        s.Time += m.WidthUs;
        var fraction = (double)ones / shots;
        return new MeasurementOutcome(m.Qubit, m.Key, [1 - fraction, fraction], sum / shots, iqs, states);
    }

    /// <summary>Notch response of the resonator pulled by the qubit state, magnitude ≤ 1.</summary>
    public static Complex Response(DeviceQubit device, double probe, int state)
    {
        var centre = device.Resonator + (state == 0 ? -device.Chi : device.Chi);
        var half = device.Kappa / 2;
        return 1 - (half / new Complex(half, probe - centre));
    }

    private double Gaussian()
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private sealed class QubitState
    {
        public Complex[] Rho { get; set; } = [1, 0, 0, 0];

        public double Time { get; set; }

        public double FramePhase { get; set; }

        public void Apply(Complex[] u)
        {
            Complex[] dagger =
            [
                Complex.Conjugate(u[0]),
                Complex.Conjugate(u[2]),
                Complex.Conjugate(u[1]),
                Complex.Conjugate(u[3]),
            ];
            Rho = Multiply(Multiply(u, Rho), dagger);
        }
    }
}
