using System.Numerics;
using LeeQ.Epii.Platform.Contracts.Programs;

namespace LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Physics;

/// <summary>A pulse placed on the absolute time axis (µs); <see cref="Phase"/> includes the accumulated virtual-Z.</summary>
internal sealed record ScheduledPulse(
    int Qubit,
    double Start,
    double End,
    double CarrierMhz,
    double Amplitude,
    double Phase,
    PulseEnvelope Envelope
)
{
    /// <summary>Duration, µs.</summary>
    public double Width => End - Start;

    /// <summary>Normalised envelope s(t) at absolute time <paramref name="t"/> (clamped into the pulse).</summary>
    public Complex EnvelopeAt(double t) => Envelope.Sample(Math.Clamp(t - Start, 0.0, Width), Width);

    /// <summary>True when the envelope is constant on [ta, tb] (square, or the flat top of a cosine-edge pulse).</summary>
    public bool IsConstantOn(double ta, double tb)
    {
        if (Amplitude == 0 || Envelope.Shape == EnvelopeShape.Square)
        {
            return true;
        }

        if (Envelope.Shape != EnvelopeShape.CosineEdgeSquare)
        {
            return false;
        }

        var ramp = Math.Clamp(Envelope.RampFraction, 0.0, 0.5) * Width;
        const double eps = 1e-12;
        return ta - Start >= ramp - eps && tb - Start <= Width - ramp + eps;
    }

    /// <summary>Extra segment boundaries inside the pulse (ends of cosine ramps).</summary>
    public IEnumerable<double> InnerBoundaries()
    {
        if (Envelope.Shape == EnvelopeShape.CosineEdgeSquare)
        {
            var ramp = Math.Clamp(Envelope.RampFraction, 0.0, 0.5) * Width;
            if (ramp > 0)
            {
                yield return Start + ramp;
                yield return End - ramp;
            }
        }
    }
}
