using LeeQ.Epii.Platform.Contracts.Programs;

namespace LeeQ.Epii.Platform.Contracts.Parameters;

/// <summary>The calibration of one qubit read from a snapshot, ready to build pulses from.</summary>
public sealed record QubitCalibration(
    int Qubit,
    double F01Mhz,
    double AnharmonicityMhz,
    double PiAmp,
    double PiWidthUs,
    double DragAlphaMhz,
    EnvelopeShape Shape,
    double Sigmas,
    double ReadoutFrequencyMhz,
    double ReadoutAmp,
    double ReadoutWidthUs
)
{
    /// <summary>The gate envelope (shape, sigmas, DRAG alpha).</summary>
    public PulseEnvelope Envelope =>
        new()
        {
            Shape = Shape,
            Sigmas = Sigmas,
            DragAlpha = DragAlphaMhz,
        };

    /// <summary>Reads qubit <paramref name="qubit"/>'s calibration from <paramref name="snapshot"/>.</summary>
    public static QubitCalibration From(ParameterSnapshot snapshot, int qubit)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        string Name(string field) => WellKnownParameters.Qubit(qubit, field);
        var shapeName = snapshot.GetString(Name(WellKnownParameters.PulseShape));
        if (!EnvelopeShapeNames.TryParse(shapeName, out var shape))
        {
            throw new InvalidOperationException(
                $"{Name(WellKnownParameters.PulseShape)} = '{shapeName}' is not a known envelope"
            );
        }

        return new QubitCalibration(
            qubit,
            snapshot.GetDouble(Name(WellKnownParameters.F01)),
            snapshot.GetDouble(Name(WellKnownParameters.Anharmonicity)),
            snapshot.GetDouble(Name(WellKnownParameters.PiAmp)),
            snapshot.GetDouble(Name(WellKnownParameters.PiWidth)),
            snapshot.GetDouble(Name(WellKnownParameters.DragAlpha)),
            shape,
            snapshot.GetDouble(Name(WellKnownParameters.PulseTrunc)),
            snapshot.GetDouble(Name(WellKnownParameters.ReadoutFrequency)),
            snapshot.GetDouble(Name(WellKnownParameters.ReadoutAmp)),
            snapshot.GetDouble(Name(WellKnownParameters.ReadoutWidth))
        );
    }
}
