namespace LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Model;

/// <summary>Ground truth of one simulated transmon. Frequencies in MHz, times in µs.</summary>
internal sealed record QubitProperties
{
    /// <summary>True 0-1 transition frequency, MHz.</summary>
    public required double F01Mhz { get; init; }

    /// <summary>Anharmonicity f12 − f01, MHz.</summary>
    public required double AnharmonicityMhz { get; init; }

    /// <summary>Relaxation time of level 1, µs.</summary>
    public required double T1Us { get; init; }

    /// <summary>Ramsey coherence time of the 0-1 transition, µs (at most 2·T1).</summary>
    public required double T2Us { get; init; }

    /// <summary>Rabi frequency per unit drive amplitude, MHz.</summary>
    public required double RabiRateMhz { get; init; }

    /// <summary>Bare readout resonator frequency (qubit in |0⟩), MHz.</summary>
    public required double ResonatorMhz { get; init; }

    /// <summary>Resonator linewidth κ, MHz.</summary>
    public required double LinewidthMhz { get; init; }

    /// <summary>Dispersive shift χ: the resonator moves by −χ per excitation, MHz.</summary>
    public required double ChiMhz { get; init; }

    /// <summary>Population of level 1 in the idle state.</summary>
    public required double ThermalPopulation { get; init; }

    /// <summary>Per-quadrature IQ noise per shot relative to the probe amplitude, for a 1 µs window.</summary>
    public required double ReadoutNoise { get; init; }

    /// <summary>Levels kept.</summary>
    public required int Levels { get; init; }

    /// <summary>Pure dephasing rate γφ = 1/T2 − 1/(2·T1), 1/µs (never negative).</summary>
    public double PureDephasingRate => Math.Max(0.0, (1.0 / T2Us) - (1.0 / (2.0 * T1Us)));

    /// <summary>The documented default device's qubit <paramref name="index"/>.</summary>
    public static QubitProperties Default(int index, int levels) =>
        new()
        {
            F01Mhz = 5000.0 + (100.0 * index),
            AnharmonicityMhz = -300.0,
            T1Us = 50.0,
            T2Us = 40.0,
            RabiRateMhz = 50.0,
            ResonatorMhz = 7000.0 + (150.0 * index),
            LinewidthMhz = 2.0,
            ChiMhz = 1.0,
            ThermalPopulation = 0.01,
            ReadoutNoise = 0.12,
            Levels = levels,
        };
}
