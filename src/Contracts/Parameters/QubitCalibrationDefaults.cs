namespace LeeQ.Epii.Platform.Contracts.Parameters;

/// <summary>Initial calibration of one qubit, as a backend knows it from its configuration (MHz, µs).</summary>
public sealed record QubitCalibrationDefaults
{
    /// <summary>Drive frequency, MHz.</summary>
    public required double F01Mhz { get; init; }

    /// <summary>Anharmonicity, MHz.</summary>
    public required double AnharmonicityMhz { get; init; }

    /// <summary>π-pulse amplitude.</summary>
    public required double PiAmp { get; init; }

    /// <summary>π-pulse width, µs.</summary>
    public required double PiWidthUs { get; init; }

    /// <summary>DRAG alpha, MHz.</summary>
    public required double DragAlphaMhz { get; init; }

    /// <summary>Gate envelope name (see <see cref="Programs.EnvelopeShapeNames"/>).</summary>
    public string PulseShape { get; init; } = "drag";

    /// <summary>Gaussian half-width in sigmas.</summary>
    public double PulseSigmas { get; init; } = 2.0;

    /// <summary>Readout probe frequency, MHz.</summary>
    public required double ReadoutFrequencyMhz { get; init; }

    /// <summary>Readout probe amplitude.</summary>
    public double ReadoutAmp { get; init; } = 0.15;

    /// <summary>Readout integration width, µs.</summary>
    public double ReadoutWidthUs { get; init; } = 1.0;
}
