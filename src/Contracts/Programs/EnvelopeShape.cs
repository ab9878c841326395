namespace LeeQ.Epii.Platform.Contracts.Programs;

/// <summary>Envelope families a backend must be able to play. See <see cref="PulseEnvelope"/> for the formulas.</summary>
public enum EnvelopeShape
{
    /// <summary>Constant amplitude.</summary>
    Square,

    /// <summary>Gaussian, edge-subtracted so it starts and ends at zero.</summary>
    Gaussian,

    /// <summary>Gaussian with a DRAG quadrature.</summary>
    Drag,

    /// <summary>Blackman window.</summary>
    Blackman,

    /// <summary>Blackman window with a DRAG quadrature.</summary>
    BlackmanDrag,

    /// <summary>Flat top with raised-cosine rise and fall.</summary>
    CosineEdgeSquare,
}
