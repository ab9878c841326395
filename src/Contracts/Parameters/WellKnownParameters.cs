namespace LeeQ.Epii.Platform.Contracts.Parameters;

/// <summary>
/// Names of the parameters shared between the host, backends and experiments. Units on the wire
/// follow the original service: frequencies in MHz, times in microseconds, phases in radians.
/// </summary>
public static class WellKnownParameters
{
    /// <summary>Shots per sweep point.</summary>
    public const string ShotNumber = "status.shot_number";

    /// <summary>Time between shots, microseconds.</summary>
    public const string ShotPeriod = "status.shot_period";

    /// <summary>Whether simulated measurements carry shot (sampling) noise.</summary>
    public const string SamplingNoise = "status.sampling_noise";

    /// <summary>Seed for every random draw of a run; null means a fresh seed per run.</summary>
    public const string Seed = "status.seed";

    /// <summary>Canonical name of a per-qubit calibration field, e.g. <c>Qubit(0, "f01")</c> = <c>q0.f01</c>.</summary>
    public static string Qubit(int qubit, string field) => $"q{qubit}.{field}";

    /// <summary>Drive (qubit) frequency, MHz.</summary>
    public const string F01 = "f01";

    /// <summary>Anharmonicity f12 − f01, MHz (negative for a transmon).</summary>
    public const string Anharmonicity = "anharmonicity";

    /// <summary>Amplitude of the calibrated π pulse (fraction of full scale).</summary>
    public const string PiAmp = "pi_amp";

    /// <summary>Width of the calibrated π pulse, microseconds.</summary>
    public const string PiWidth = "pi_width";

    /// <summary>DRAG coefficient alpha, MHz (the quadrature is −dI/dt / (2π·alpha)).</summary>
    public const string DragAlpha = "drag_alpha";

    /// <summary>Envelope shape of single-qubit gates.</summary>
    public const string PulseShape = "pulse_shape";

    /// <summary>Half-width of gaussian gate envelopes in sigmas (see <see cref="Programs.PulseEnvelope.Sigmas"/>).</summary>
    public const string PulseTrunc = "pulse_trunc";

    /// <summary>Readout probe frequency, MHz.</summary>
    public const string ReadoutFrequency = "readout_frequency";

    /// <summary>Readout probe amplitude (fraction of full scale).</summary>
    public const string ReadoutAmp = "readout_amp";

    /// <summary>Readout integration width, microseconds.</summary>
    public const string ReadoutWidth = "readout_width";
}
