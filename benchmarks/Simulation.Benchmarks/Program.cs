using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using LeeQ.Epii.Platform.Contracts.Backends;
using LeeQ.Epii.Platform.Contracts.Parameters;
using LeeQ.Epii.Platform.Contracts.Programs;
using LeeQ.Epii.Platform.Plugins.Simulation.Numeric;
using LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Model;
using LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Physics;
using Microsoft.Extensions.Logging.Abstractions;

if (args.Length > 0 && args[0] == "probe")
{
    var device = new DeviceModel { Qubits = [QubitProperties.Default(0, 3)], Couplings = new Dictionary<(int A, int B), double>() };
    var space = new ComponentSpace(0, [3], [0]);
    var gen = new ComponentGenerator(space, device, [5000.0]);
    var env = new PulseEnvelope { Shape = EnvelopeShape.Drag, Sigmas = 2, DragAlpha = -600 };
    foreach (var tol in new[] { 1e-8, 1e-7, 1e-6, 1e-5 })
    {
        var evals = 0;
        var g = new System.Numerics.Complex[9];
        var h = new System.Numerics.Complex[1];
        void F(double t, ReadOnlySpan<System.Numerics.Complex> y, Span<System.Numerics.Complex> dy)
        {
            evals++;
            h[0] = Math.PI * 50 * 0.45 * env.Sample(Math.Clamp(t, 0, 0.04), 0.04);
            gen.BuildG(h, g);
            gen.Derivative(g, y, dy, 1);
        }
        var y = new System.Numerics.Complex[9]; y[0] = 1;
        var sw = Stopwatch.StartNew();
        int steps = 0;
        for (var r = 0; r < 200; r++) { y = new System.Numerics.Complex[9]; y[0] = 1; steps = DormandPrince.Integrate(F, y, 0, 0.04, 1e-5, tol * 1e-2, tol, CancellationToken.None); }
        Console.WriteLine($"rtol {tol}: steps {steps} evals/run {evals / 200} time {sw.Elapsed.TotalMilliseconds / 200 * 1000:F1} us P1 {y[4].Real:F9} P2 {y[8].Real:E4}");
    }
    {
        var g = new System.Numerics.Complex[9];
        var h = new System.Numerics.Complex[1];
        var y = new System.Numerics.Complex[9]; y[0] = 1;
        var dy = new System.Numerics.Complex[9];
        var sw = Stopwatch.StartNew();
        for (var r = 0; r < 1000000; r++) { h[0] = Math.PI * 50 * 0.45 * env.Sample(0.01, 0.04); }
        Console.WriteLine($"sample {sw.Elapsed.TotalMilliseconds:F1} ns"); sw.Restart();
        for (var r = 0; r < 1000000; r++) { gen.BuildG(h, g); }
        Console.WriteLine($"buildG {sw.Elapsed.TotalMilliseconds:F1} ns"); sw.Restart();
        for (var r = 0; r < 1000000; r++) { gen.Derivative(g, y, dy, 1); }
        Console.WriteLine($"deriv {sw.Elapsed.TotalMilliseconds:F1} ns"); sw.Restart();
    }
    return;
}

// Speed of the numeric simulator. Prints a markdown report; run in Release:
//   dotnet run -c Release --project benchmarks/Simulation.Benchmarks
Console.WriteLine($"Machine: {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}, .NET {Environment.Version}");
Console.WriteLine($"CPU: {CpuName()}");
Console.WriteLine();
Console.WriteLine("| Case | Target | Median | Best | Runs |");
Console.WriteLine("|---|---|---|---|---|");

// 1. One 3-level qubit with decoherence, a 40 ns DRAG pulse (adaptive integration; amplitude varied so no memo hit).
{
    var device = new DeviceModel { Qubits = [QubitProperties.Default(0, 3)], Couplings = new Dictionary<(int A, int B), double>() };
    var solver = new MasterEquationSolver(device);
    var envelope = new PulseEnvelope { Shape = EnvelopeShape.Drag, Sigmas = 2, DragAlpha = -600 };
    var k = 0;
    Report("3-level qubit with T1/T2, one 40 ns DRAG pulse solve", "≤ 0.1 ms", 2000, () =>
    {
        var amp = 0.45 + (1e-7 * k++);
        solver.Run(PulseProgram.Builder().Play(0, 5000, amp, 0, 0.04, envelope).Measure(0, 6999.5, 0.15, 1, "m").Build(), CancellationToken.None);
    }, perOperation: true);
}

// 2. 101-point Rabi sweep (square pulses of increasing width), 1000 shots, through the backend.
await using (var backend = await Create("""{ "qubits": 1 }"""))
{
    var snapshot = Snapshot(backend);
    var programs = Enumerable.Range(0, 101).Select(i => PulseProgram.Builder()
        .Play(0, 5000, 0.2, 0, 0.002 * i, PulseEnvelope.Square).Measure(0, 6999.5, 0.15, 1, "m").Build()).ToList();
    Report("101-point Rabi sweep, 1 qubit × 3 levels, 1000 shots", "≤ 20 ms", 30, () =>
        backend.ExecuteAsync(new ExecutionRequest { Programs = programs, Shots = 1000, Seed = 1, Parameters = snapshot }, CancellationToken.None).GetAwaiter().GetResult());
}

// 3. Two coupled 3-level qubits, 101-point Rabi sweep on q0, both measured, 1000 shots.
await using (var backend = await Create("""{ "qubits": 2, "couplings": { "q0-q1": { "strength": 5e6 } } }"""))
{
    var snapshot = Snapshot(backend);
    var programs = Enumerable.Range(0, 101).Select(i => PulseProgram.Builder()
        .Play(0, 5000, 0.2, 0, 0.002 * i, PulseEnvelope.Square).Barrier()
        .Measure(0, 6999.5, 0.15, 1, "a").Measure(1, 7149.5, 0.15, 1, "b").Build()).ToList();
    Report("101-point Rabi sweep, 2 coupled qubits × 3 levels, 1000 shots", "≤ 200 ms", 10, () =>
        backend.ExecuteAsync(new ExecutionRequest { Programs = programs, Shots = 1000, Seed = 1, Parameters = snapshot }, CancellationToken.None).GetAwaiter().GetResult());

    var dragPrograms = Enumerable.Range(0, 101).Select(i => PulseProgram.Builder()
        .Play(0, 5000, 0.47, 0, 0.04, new PulseEnvelope { Shape = EnvelopeShape.Drag, DragAlpha = -600 }).Barrier().Delay(0.5 * i)
        .Measure(0, 6999.5, 0.15, 1, "a").Measure(1, 7149.5, 0.15, 1, "b").Build()).ToList();
    Report("101-point T1 sweep after a DRAG π, 2 coupled qubits × 3 levels, 1000 shots", "(info)", 10, () =>
        backend.ExecuteAsync(new ExecutionRequest { Programs = dragPrograms, Shots = 1000, Seed = 1, Parameters = snapshot }, CancellationToken.None).GetAwaiter().GetResult());
}

// 4. Four uncoupled 3-level qubits (D = 81), 101-point Ramsey-like sweep on q2.
await using (var backend = await Create("""{ "qubits": 4 }"""))
{
    var snapshot = Snapshot(backend);
    var programs = Enumerable.Range(0, 101).Select(i => PulseProgram.Builder()
        .Play(2, 5201, 0.2, 0, 0.0125, PulseEnvelope.Square).Delay(0.05 * i).Play(2, 5201, 0.2, 0, 0.0125, PulseEnvelope.Square)
        .Measure(2, 7299.5, 0.15, 1, "m").Build()).ToList();
    Report("101-point Ramsey sweep, 4 uncoupled qubits × 3 levels, 1000 shots", "(info)", 5, () =>
        backend.ExecuteAsync(new ExecutionRequest { Programs = programs, Shots = 1000, Seed = 1, Parameters = snapshot }, CancellationToken.None).GetAwaiter().GetResult());
}

// 5. The same Rabi sweep on the integrated ("qutip") engine, for comparison.
await using (var backend = await Create("""{ "backend": "qutip", "qubits": 1 }"""))
{
    var snapshot = Snapshot(backend);
    var programs = Enumerable.Range(0, 101).Select(i => PulseProgram.Builder()
        .Play(0, 5000, 0.2, 0, 0.002 * i, PulseEnvelope.Square).Measure(0, 6999.5, 0.15, 1, "m").Build()).ToList();
    Report("101-point Rabi sweep, 1 qubit × 3 levels, 1000 shots, engine qutip", "(info)", 5, () =>
        backend.ExecuteAsync(new ExecutionRequest { Programs = programs, Shots = 1000, Seed = 1, Parameters = snapshot }, CancellationToken.None).GetAwaiter().GetResult());
}

static void Report(string name, string target, int runs, Action action, bool perOperation = false)
{
    action();   // warm-up (JIT)
    var times = new double[runs];
    for (var r = 0; r < runs; r++)
    {
        var sw = Stopwatch.StartNew();
        action();
        times[r] = sw.Elapsed.TotalMilliseconds;
    }

    Array.Sort(times);
    string Fmt(double ms) => perOperation ? $"{ms * 1000:F1} µs" : $"{ms:F1} ms";
    Console.WriteLine($"| {name} | {target} | {Fmt(times[runs / 2])} | {Fmt(times[0])} | {runs} |");
}

static async Task<IQuantumBackend> Create(string json) => await new SimulationBackendFactory().CreateAsync(new BackendConfiguration
{
    SetupName = "bench",
    SetupType = "simulation",
    Document = JsonDocument.Parse($$"""{ "simulation": {{json}} }""").RootElement,
    StateDirectory = Path.GetTempPath(),
    LoggerFactory = NullLoggerFactory.Instance,
}, CancellationToken.None);

static ParameterSnapshot Snapshot(IQuantumBackend backend) =>
    new(backend.Parameters.Select(p => new KeyValuePair<string, object?>(p.Name, p.Default)));

static string CpuName()
{
    try
    {
        return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "unknown";
    }
    catch (IOException)
    {
        return "unknown";
    }
}
