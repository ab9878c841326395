using System.Globalization;
using LeeQ.Epii.Platform.Contracts.Programs;

namespace LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Physics;

/// <summary>
/// Places a program's instructions on the absolute time axis. Each qubit has its own clock: a
/// pulse or measurement starts when the qubit's previous instruction ends, a delay advances the
/// named clocks, a barrier sets the named clocks to their latest value, and a virtual-Z adds to
/// the phase of every later pulse on its qubit. A measurement is taken at its start time and then
/// occupies the qubit for its window.
/// </summary>
internal sealed class ProgramSchedule
{
    /// <summary>Amplitudes below this fraction of full scale are played as zero (a 16-bit DAC resolves 3e-5).</summary>
    internal const double NegligibleAmplitude = 1e-12;

    private ProgramSchedule(List<ScheduledPulse> pulses, List<ScheduledMeasurement> measurements, double end)
    {
        Pulses = pulses;
        Measurements = measurements;
        EndTime = end;
    }

    /// <summary>Pulses by start time.</summary>
    public IReadOnlyList<ScheduledPulse> Pulses { get; }

    /// <summary>Measurements in program order.</summary>
    public IReadOnlyList<ScheduledMeasurement> Measurements { get; }

    /// <summary>Time of the last event, µs.</summary>
    public double EndTime { get; }

    /// <summary>Schedules <paramref name="program"/> on a device of <paramref name="qubitCount"/> qubits.</summary>
    public static ProgramSchedule Build(PulseProgram program, int qubitCount)
    {
        ArgumentNullException.ThrowIfNull(program);
        var clock = new double[qubitCount];
        var frame = new double[qubitCount];
        var pulses = new List<ScheduledPulse>();
        var measurements = new List<ScheduledMeasurement>();

        int Check(int qubit) =>
            qubit >= 0 && qubit < qubitCount
                ? qubit
                : throw new ArgumentException(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"the program addresses q{qubit}, but the simulated device has qubits q0..q{qubitCount - 1}"
                    )
                );

        IEnumerable<int> Targets(IReadOnlyList<int>? qubits) =>
            qubits is null ? Enumerable.Range(0, qubitCount) : qubits.Select(Check);

        foreach (var instruction in program.Instructions)
        {
            switch (instruction)
            {
                case PulseInstruction p:
                {
                    var q = Check(p.Qubit);
                    if (
                        !(p.WidthUs >= 0)
                        || !double.IsFinite(p.WidthUs)
                        || !double.IsFinite(p.Amplitude)
                        || !double.IsFinite(p.FrequencyMhz)
                    )
                    {
                        throw new ArgumentException(
                            "a pulse needs a finite, non-negative width and finite amplitude and frequency"
                        );
                    }

                    if (p.WidthUs > 0)
                    {
                        // Amplitudes far below any DAC's resolution are played as no drive: kept, they put
                        // denormal numbers into the propagators, where arithmetic slows by orders of magnitude.
                        var amplitude = Math.Abs(p.Amplitude) < NegligibleAmplitude ? 0.0 : p.Amplitude;
                        pulses.Add(
                            new ScheduledPulse(
                                q,
                                clock[q],
                                clock[q] + p.WidthUs,
                                p.FrequencyMhz,
                                amplitude,
                                p.Phase + frame[q],
                                p.Envelope
                            )
                        );
                        clock[q] += p.WidthUs;
                    }

                    break;
                }

                case VirtualZInstruction z:
                    frame[Check(z.Qubit)] += z.Phase;
                    break;

                case DelayInstruction d:
                    if (!(d.DurationUs >= 0) || !double.IsFinite(d.DurationUs))
                    {
                        throw new ArgumentException("a delay must be finite and non-negative");
                    }

                    foreach (var q in Targets(d.Qubits))
                    {
                        clock[q] += d.DurationUs;
                    }

                    break;

                case BarrierInstruction b:
                {
                    var targets = Targets(b.Qubits).ToArray();
                    if (targets.Length > 0)
                    {
                        var latest = targets.Max(q => clock[q]);
                        foreach (var q in targets)
                        {
                            clock[q] = latest;
                        }
                    }

                    break;
                }

                case MeasureInstruction m:
                {
                    var q = Check(m.Qubit);
                    measurements.Add(new ScheduledMeasurement(m, clock[q]));
                    clock[q] += Math.Max(0.0, m.WidthUs);
                    break;
                }

                default:
                    throw new ArgumentException($"the simulator cannot play a {instruction.GetType().Name}");
            }
        }

        pulses.Sort((a, b) => a.Start.CompareTo(b.Start));
        var end = Math.Max(
            pulses.Count == 0 ? 0.0 : pulses.Max(p => p.End),
            measurements.Count == 0 ? 0.0 : measurements.Max(m => m.Time)
        );
        return new ProgramSchedule(pulses, measurements, end);
    }

    /// <summary>Sorted distinct times where the generator may change.</summary>
    public double[] Boundaries()
    {
        var times = new List<double> { 0.0, EndTime };
        foreach (var p in Pulses)
        {
            times.Add(p.Start);
            times.Add(p.End);
            times.AddRange(p.InnerBoundaries());
        }

        times.AddRange(Measurements.Select(m => m.Time));
        times.Sort();
        var distinct = new List<double>();
        foreach (var t in times)
        {
            if (distinct.Count == 0 || t - distinct[^1] > 1e-12)
            {
                distinct.Add(t);
            }
        }

        return [.. distinct];
    }
}
