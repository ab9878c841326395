using LeeQ.Epii.Platform.Contracts.Programs;

namespace LeeQ.Epii.Platform.Contracts.Parameters;

/// <summary>
/// The per-qubit calibration parameters every backend contributes, with their units, ranges and
/// the original service's dotted names as aliases (same units: MHz and µs).
/// </summary>
public static class StandardQubitParameters
{
    /// <summary>Definitions for qubit <paramref name="qubit"/> with the given initial values.</summary>
    public static IReadOnlyList<ParameterDefinition> Create(int qubit, QubitCalibrationDefaults defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        var q = $"q{qubit}";
        var drive = $"{q}.lpb_collections.f01";
        var readout = $"{q}.measurement_primitives.0";

        ParameterDefinition Float(
            string field,
            string unit,
            double value,
            double min,
            double max,
            string description,
            params string[] aliases
        ) =>
            new()
            {
                Name = WellKnownParameters.Qubit(qubit, field),
                Type = ParameterType.Float,
                Unit = unit,
                Default = value,
                Minimum = min,
                Maximum = max,
                Description = description,
                Aliases = [.. aliases.Select(a => new ParameterAlias(a))],
            };

        return
        [
            Float(
                WellKnownParameters.F01,
                "MHz",
                defaults.F01Mhz,
                1.0,
                20_000.0,
                $"Calibrated 0-1 transition (drive) frequency of {q}",
                $"{drive}.freq"
            ),
            Float(
                WellKnownParameters.Anharmonicity,
                "MHz",
                defaults.AnharmonicityMhz,
                -2_000.0,
                2_000.0,
                $"Calibrated anharmonicity f12 - f01 of {q}"
            ),
            Float(
                WellKnownParameters.PiAmp,
                "",
                defaults.PiAmp,
                -1.0,
                1.0,
                $"Amplitude of the calibrated pi pulse of {q}, fraction of full scale",
                $"{drive}.amp"
            ),
            Float(
                WellKnownParameters.PiWidth,
                "us",
                defaults.PiWidthUs,
                0.001,
                10.0,
                $"Width of the single-qubit gate pulses of {q}",
                $"{drive}.width"
            ),
            Float(
                WellKnownParameters.DragAlpha,
                "MHz",
                defaults.DragAlphaMhz,
                -1e6,
                1e6,
                $"DRAG coefficient alpha of {q}: quadrature = -dI/dt / (2 pi alpha)",
                $"{drive}.alpha"
            ),
            new ParameterDefinition
            {
                Name = WellKnownParameters.Qubit(qubit, WellKnownParameters.PulseShape),
                Type = ParameterType.String,
                Default = defaults.PulseShape,
                AllowedValues = EnvelopeShapeNames.All,
                Description = $"Envelope of the single-qubit gate pulses of {q}",
                Aliases = [new ParameterAlias($"{drive}.shape")],
            },
            Float(
                WellKnownParameters.PulseTrunc,
                "sigma",
                defaults.PulseSigmas,
                0.5,
                10.0,
                $"Half-width of gaussian gate envelopes of {q} in units of sigma",
                $"{drive}.trunc"
            ),
            Float(
                WellKnownParameters.ReadoutFrequency,
                "MHz",
                defaults.ReadoutFrequencyMhz,
                1.0,
                50_000.0,
                $"Readout probe frequency of {q}",
                $"{readout}.freq"
            ),
            Float(
                WellKnownParameters.ReadoutAmp,
                "",
                defaults.ReadoutAmp,
                0.0,
                1.0,
                $"Readout probe amplitude of {q}, fraction of full scale",
                $"{readout}.amp"
            ),
            Float(
                WellKnownParameters.ReadoutWidth,
                "us",
                defaults.ReadoutWidthUs,
                0.01,
                100.0,
                $"Readout integration window of {q}",
                $"{readout}.width"
            ),
        ];
    }
}
