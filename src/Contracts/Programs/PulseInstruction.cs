namespace LeeQ.Epii.Platform.Contracts.Programs;

/// <summary>A drive pulse on a qubit's drive line.</summary>
/// <param name="Qubit">Qubit index.</param>
/// <param name="FrequencyMhz">Carrier frequency, MHz (the drive frame is this frequency).</param>
/// <param name="Amplitude">Peak amplitude as a fraction of full scale (−1 to 1).</param>
/// <param name="Phase">Carrier phase, radians, before the qubit's accumulated virtual-Z phase is added.</param>
/// <param name="WidthUs">Duration, microseconds.</param>
/// <param name="Envelope">Envelope shape.</param>
public sealed record PulseInstruction(
    int Qubit,
    double FrequencyMhz,
    double Amplitude,
    double Phase,
    double WidthUs,
    PulseEnvelope Envelope
) : ProgramInstruction;
