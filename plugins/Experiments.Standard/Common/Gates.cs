using LeeQ.Epii.Platform.Contracts.Parameters;
using LeeQ.Epii.Platform.Contracts.Programs;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Common;

/// <summary>
/// Single-qubit gates and readout built from a qubit's calibration. A rotation by θ about an axis
/// at angle φ in the xy-plane is the calibrated pulse with amplitude pi_amp·θ/π and carrier phase
/// φ (φ = π/2 is a Y rotation), so no gate relies on the sign convention of a virtual Z.
/// </summary>
internal sealed class Gates
{
    /// <summary>Key of the single measurement most experiments make.</summary>
    public const string MeasureKey = "m";

    public Gates(QubitCalibration calibration)
    {
        Calibration = calibration;
    }

    /// <summary>The calibration the gates come from.</summary>
    public QubitCalibration Calibration { get; }

    /// <summary>The qubit index.</summary>
    public int Qubit => Calibration.Qubit;

    /// <summary>Appends a rotation by <paramref name="angle"/> (radians) about the axis at <paramref name="axisPhase"/>.</summary>
    public PulseProgramBuilder Rotate(
        PulseProgramBuilder builder,
        double angle,
        double axisPhase = 0.0,
        double? frequencyMhz = null
    )
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Play(
            Calibration.Qubit,
            frequencyMhz ?? Calibration.F01Mhz,
            Calibration.PiAmp * angle / Math.PI,
            axisPhase,
            Calibration.PiWidthUs,
            Calibration.Envelope
        );
    }

    /// <summary>Appends the calibrated π pulse about X (or about the axis at <paramref name="axisPhase"/>).</summary>
    public PulseProgramBuilder Pi(PulseProgramBuilder builder, double axisPhase = 0.0) =>
        Rotate(builder, Math.PI, axisPhase);

    /// <summary>Appends a π/2 pulse (half the π amplitude) about the axis at <paramref name="axisPhase"/>.</summary>
    public PulseProgramBuilder HalfPi(PulseProgramBuilder builder, double axisPhase = 0.0) =>
        Rotate(builder, Math.PI / 2, axisPhase);

    /// <summary>Appends the calibrated readout of the qubit.</summary>
    public PulseProgramBuilder Measure(
        PulseProgramBuilder builder,
        string key = MeasureKey,
        double? frequencyMhz = null
    )
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Measure(
            Calibration.Qubit,
            frequencyMhz ?? Calibration.ReadoutFrequencyMhz,
            Calibration.ReadoutAmp,
            Calibration.ReadoutWidthUs,
            key
        );
    }

    /// <summary>
    /// The same gates with DRAG coefficient 1/<paramref name="inverseAlpha"/> (1/MHz; 0 switches the
    /// quadrature off). Gaussian and Blackman envelopes become their DRAG variants; a square
    /// envelope has no derivative and cannot carry a DRAG quadrature.
    /// </summary>
    public Gates WithInverseDrag(double inverseAlpha)
    {
        var shape = Calibration.Shape switch
        {
            EnvelopeShape.Gaussian or EnvelopeShape.Drag => EnvelopeShape.Drag,
            EnvelopeShape.Blackman or EnvelopeShape.BlackmanDrag => EnvelopeShape.BlackmanDrag,
            var other => throw new InvalidOperationException($"a {other.ToName()} envelope has no DRAG quadrature"),
        };
        var alpha = inverseAlpha == 0 ? double.PositiveInfinity : 1.0 / inverseAlpha;
        return new Gates(Calibration with { Shape = shape, DragAlphaMhz = alpha });
    }

    /// <summary>Reads the calibration of <paramref name="qubit"/> from the run's parameter snapshot.</summary>
    public static Gates For(ParameterSnapshot snapshot, int qubit) => new(QubitCalibration.From(snapshot, qubit));
}
