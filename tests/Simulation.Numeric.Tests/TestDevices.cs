using System.Numerics;
using LeeQ.Epii.Platform.Contracts.Parameters;
using LeeQ.Epii.Platform.Contracts.Programs;
using LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Model;
using LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Physics;

namespace LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Tests;

/// <summary>Small devices and helpers shared by the physics tests.</summary>
internal static class TestDevices
{
    /// <summary>Effectively no decoherence (T1 = T2 = 1e12 µs).</summary>
    public const double Forever = 1e12;

    public static QubitProperties Qubit(
        int levels = 2,
        double f01 = 5000,
        double t1 = Forever,
        double t2 = Forever,
        double rabi = 50,
        double thermal = 0,
        double anharmonicity = -300
    ) =>
        QubitProperties.Default(0, levels) with
        {
            F01Mhz = f01,
            T1Us = t1,
            T2Us = t2,
            RabiRateMhz = rabi,
            ThermalPopulation = thermal,
            AnharmonicityMhz = anharmonicity,
        };

    public static DeviceModel Device(params QubitProperties[] qubits) =>
        new() { Qubits = qubits, Couplings = new Dictionary<(int A, int B), double>() };

    public static DeviceModel Coupled(
        double jMhz,
        QubitProperties q0,
        QubitProperties q1,
        EngineKind engine = EngineKind.Exact
    ) =>
        new()
        {
            Qubits = [q0, q1],
            Couplings = new Dictionary<(int A, int B), double> { [(0, 1)] = jMhz },
            Engine = engine,
        };

    /// <summary>Populations of every measurement of one program.</summary>
    public static double[][] Run(DeviceModel device, PulseProgram program) =>
        new MasterEquationSolver(device).Run(program, CancellationToken.None);

    /// <summary>P1 of the single measurement of <paramref name="program"/>.</summary>
    public static double P1(DeviceModel device, PulseProgram program) => Run(device, program)[0][1];

    public static PulseEnvelope Square => PulseEnvelope.Square;

    /// <summary>A snapshot holding every default of <paramref name="definitions"/>, with overrides.</summary>
    public static ParameterSnapshot Snapshot(
        IEnumerable<ParameterDefinition> definitions,
        params (string Name, object? Value)[] overrides
    )
    {
        var values = definitions.ToDictionary(d => d.Name, d => d.Default, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in overrides)
        {
            values[name] = value;
        }

        return new ParameterSnapshot(values);
    }

    public static double MaxAbs(IEnumerable<Complex> values) => values.Max(Complex.Abs);
}
