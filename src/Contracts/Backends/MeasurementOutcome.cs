using System.Numerics;

namespace LeeQ.Epii.Platform.Contracts.Backends;

/// <summary>What one measurement of one program gave over all shots.</summary>
/// <param name="Qubit">Measured qubit.</param>
/// <param name="Key">The measurement's key in the program.</param>
/// <param name="Probabilities">Fraction of shots assigned to each level (index = level).</param>
/// <param name="MeanIq">Mean integrated IQ value over shots (arbitrary units).</param>
/// <param name="ShotIq">Per-shot IQ values, when requested.</param>
/// <param name="ShotStates">Per-shot assigned level, when requested.</param>
public sealed record MeasurementOutcome(
    int Qubit,
    string Key,
    IReadOnlyList<double> Probabilities,
    Complex MeanIq,
    IReadOnlyList<Complex>? ShotIq = null,
    IReadOnlyList<byte>? ShotStates = null
)
{
    /// <summary>Probability of level 1 (0 when the readout distinguishes a single level).</summary>
    public double P1 => Probabilities.Count > 1 ? Probabilities[1] : 0.0;

    /// <summary>Probability of any level above 0.</summary>
    public double PExcited => 1.0 - (Probabilities.Count > 0 ? Probabilities[0] : 1.0);
}
