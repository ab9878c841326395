using System.Numerics;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Common;

/// <summary>One measurement key's results over a sweep: one entry per program.</summary>
/// <param name="P1">Fraction of shots assigned to level 1.</param>
/// <param name="MeanIq">Mean integrated IQ value.</param>
/// <param name="ShotIq">Per-shot IQ values (programs × shots, C order), or null when the backend did not return them.</param>
/// <param name="Shots">Shots per program (0 when unknown).</param>
internal sealed record SweepData(double[] P1, Complex[] MeanIq, Complex[]? ShotIq, int Shots);
