using System.Text.Json;
using System.Text.Json.Nodes;
using LeeQ.Epii.Platform.Contracts.Programs;
using LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Model;
using LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Physics;

namespace LeeQ.Epii.Platform.Simulation.Benchmarks;

/// <summary>
/// Solves the programs of a cross-check spec: one qubit (MHz, µs) and a list of programs, each a list
/// of {"op": "pulse", shape, width, amp, phase, carrier, alpha?, sigmas?} or {"op": "delay", "t"} steps,
/// measured at the end. Returns {"engine": …, "populations": [[p0, p1, …], …], "seconds": …}.
/// </summary>
internal static class ReferenceRunner
{
    public static string Run(string specJson)
    {
        using var spec = JsonDocument.Parse(specJson);
        var root = spec.RootElement;
        var q = root.GetProperty("qubit");
        var qubit = new QubitProperties
        {
            F01Mhz = q.GetProperty("f01").GetDouble(),
            AnharmonicityMhz = q.GetProperty("anharmonicity").GetDouble(),
            T1Us = q.GetProperty("t1").GetDouble(),
            T2Us = q.GetProperty("t2").GetDouble(),
            RabiRateMhz = q.GetProperty("rabi_rate").GetDouble(),
            ThermalPopulation = q.GetProperty("thermal_population").GetDouble(),
            Levels = q.GetProperty("levels").GetInt32(),
            ResonatorMhz = 7000,
            LinewidthMhz = 2,
            ChiMhz = 1,
            ReadoutNoise = 0,
        };
        var engine =
            root.TryGetProperty("engine", out var e) && e.GetString() == "qutip"
                ? EngineKind.Integrated
                : EngineKind.Exact;
        var solver = new MasterEquationSolver(
            new DeviceModel
            {
                Qubits = [qubit],
                Couplings = new Dictionary<(int A, int B), double>(),
                Engine = engine,
            }
        );

        var output = new JsonArray();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        foreach (var program in root.GetProperty("programs").EnumerateArray())
        {
            var builder = PulseProgram.Builder();
            foreach (var step in program.EnumerateArray())
            {
                if (step.GetProperty("op").GetString() == "delay")
                {
                    builder.Delay(step.GetProperty("t").GetDouble());
                    continue;
                }

                EnvelopeShapeNames.TryParse(step.GetProperty("shape").GetString(), out var shape);
                var envelope = new PulseEnvelope
                {
                    Shape = shape,
                    Sigmas = step.TryGetProperty("sigmas", out var sg) ? sg.GetDouble() : 2.0,
                    DragAlpha = step.TryGetProperty("alpha", out var a) ? a.GetDouble() : double.PositiveInfinity,
                };
                builder.Play(
                    0,
                    step.GetProperty("carrier").GetDouble(),
                    step.GetProperty("amp").GetDouble(),
                    step.GetProperty("phase").GetDouble(),
                    step.GetProperty("width").GetDouble(),
                    envelope
                );
            }

            var populations = solver.Run(builder.Measure(0, 7000, 0.1, 1, "m").Build(), CancellationToken.None)[0];
            output.Add(new JsonArray([.. populations.Select(p => JsonValue.Create(p))]));
        }

        var result = new JsonObject
        {
            ["engine"] = engine == EngineKind.Exact ? "numpy" : "qutip",
            ["populations"] = output,
            ["seconds"] = watch.Elapsed.TotalSeconds,
        };
        return result.ToJsonString();
    }
}
