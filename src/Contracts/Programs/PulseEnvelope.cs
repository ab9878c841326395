using System.Numerics;

namespace LeeQ.Epii.Platform.Contracts.Programs;

/// <summary>
/// The normalised complex envelope s(t) = I(t) + i·Q(t) of a pulse of width w (microseconds),
/// with peak |I| = 1. A backend plays amplitude·s(t)·e^{i·phase}.
/// <list type="bullet">
/// <item><c>Square</c>: I = 1.</item>
/// <item><c>Gaussian</c>: g(t) = exp(−(t − w/2)² / (2σ²)) with σ = w / (2·<see cref="Sigmas"/>), I = (g − g(0)) / (1 − g(0)).</item>
/// <item><c>Blackman</c>: I = 0.42 − 0.5·cos(2πt/w) + 0.08·cos(4πt/w).</item>
/// <item><c>CosineEdgeSquare</c>: raised-cosine ramps of length <see cref="RampFraction"/>·w at both ends, flat in between.</item>
/// <item><c>Drag</c>, <c>BlackmanDrag</c>: the Gaussian or Blackman I with Q = −(dI/dt) / (2π·<see cref="DragAlpha"/>),
/// t in µs and alpha in MHz. Other shapes have Q = 0.</item>
/// </list>
/// </summary>
public sealed record PulseEnvelope
{
    /// <summary>The envelope family.</summary>
    public EnvelopeShape Shape { get; init; } = EnvelopeShape.Square;

    // g(0) of the Gaussian, kept with Sigmas (it is a function of Sigmas alone, so equality is unchanged):
    // a simulator samples the envelope at every integration stage.
    private readonly double _gaussianEdge = Math.Exp(-2.0);

    /// <summary>Half-width of a Gaussian in units of sigma (the pulse spans ±Sigmas·σ).</summary>
    public double Sigmas
    {
        get;
        init
        {
            field = value;
            _gaussianEdge = Math.Exp(-value * value / 2);
        }
    } = 2.0;

    /// <summary>DRAG coefficient alpha in MHz; infinity switches the quadrature off.</summary>
    public double DragAlpha { get; init; } = double.PositiveInfinity;

    /// <summary>Fraction of the width taken by each ramp of a cosine-edge square pulse.</summary>
    public double RampFraction { get; init; } = 0.25;

    /// <summary>A square envelope.</summary>
    public static PulseEnvelope Square { get; } = new();

    /// <summary>True when the envelope has a DRAG quadrature.</summary>
    public bool HasDrag =>
        Shape is EnvelopeShape.Drag or EnvelopeShape.BlackmanDrag && double.IsFinite(DragAlpha) && DragAlpha != 0;

    /// <summary>The envelope at time <paramref name="t"/> (µs) of a pulse of width <paramref name="width"/> (µs).</summary>
    public Complex Sample(double t, double width)
    {
        if (width <= 0 || t < 0 || t > width)
        {
            return Complex.Zero;
        }

        var (i, di) = InPhase(t, width);
        var q = HasDrag ? -di / (2 * Math.PI * DragAlpha) : 0.0;
        return new Complex(i, q);
    }

    /// <summary>
    /// The envelope sampled at the midpoints of <paramref name="count"/> equal steps across the width.
    /// </summary>
    public Complex[] SampleMidpoints(double width, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var samples = new Complex[count];
        var dt = width / count;
        for (var k = 0; k < count; k++)
        {
            samples[k] = Sample((k + 0.5) * dt, width);
        }

        return samples;
    }

    /// <summary>The time integral of I(t) over the pulse (µs); a square pulse gives the width.</summary>
    public double Area(double width, int steps = 2000)
    {
        var dt = width / steps;
        var sum = 0.0;
        for (var k = 0; k < steps; k++)
        {
            sum += InPhase((k + 0.5) * dt, width).Value;
        }

        return sum * dt;
    }

    private (double Value, double Derivative) InPhase(double t, double width)
    {
        switch (Shape)
        {
            case EnvelopeShape.Square:
                return (1.0, 0.0);
            case EnvelopeShape.Gaussian or EnvelopeShape.Drag:
            {
                // u = (t − w/2)/σ; one division per sample, as a simulator samples at every integration stage.
                var inverseSigma = 2 * Sigmas / width;
                var u = (t - (width / 2)) * inverseSigma;
                var g = Math.Exp(-0.5 * u * u);
                var edge = _gaussianEdge;
                var scale = 1 / (1 - edge);
                return ((g - edge) * scale, -u * inverseSigma * g * scale);
            }

            case EnvelopeShape.Blackman
            or EnvelopeShape.BlackmanDrag:
            {
                var w = 2 * Math.PI / width;
                var value = 0.42 - (0.5 * Math.Cos(w * t)) + (0.08 * Math.Cos(2 * w * t));
                var derivative = (0.5 * w * Math.Sin(w * t)) - (0.16 * w * Math.Sin(2 * w * t));
                return (value, derivative);
            }

            case EnvelopeShape.CosineEdgeSquare:
            {
                var ramp = Math.Clamp(RampFraction, 0.0, 0.5) * width;
                if (ramp <= 0)
                {
                    return (1.0, 0.0);
                }

                if (t < ramp)
                {
                    var phase = Math.PI * t / ramp;
                    return (0.5 * (1 - Math.Cos(phase)), 0.5 * Math.PI / ramp * Math.Sin(phase));
                }

                if (t > width - ramp)
                {
                    var phase = Math.PI * (width - t) / ramp;
                    return (0.5 * (1 - Math.Cos(phase)), -0.5 * Math.PI / ramp * Math.Sin(phase));
                }

                return (1.0, 0.0);
            }

            default:
                throw new InvalidOperationException($"unknown envelope shape {Shape}");
        }
    }
}
