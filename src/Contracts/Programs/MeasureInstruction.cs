namespace LeeQ.Epii.Platform.Contracts.Programs;

/// <summary>A dispersive readout of one qubit. Its outcome is reported under <paramref name="Key"/>.</summary>
/// <param name="Qubit">Qubit index.</param>
/// <param name="FrequencyMhz">Probe frequency, MHz.</param>
/// <param name="Amplitude">Probe amplitude (fraction of full scale).</param>
/// <param name="WidthUs">Integration window, microseconds.</param>
/// <param name="Key">Name of the outcome, unique within the program.</param>
public sealed record MeasureInstruction(int Qubit, double FrequencyMhz, double Amplitude, double WidthUs, string Key)
    : ProgramInstruction;
