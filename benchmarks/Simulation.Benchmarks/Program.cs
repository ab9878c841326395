using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using LeeQ.Epii.Platform.Contracts.Backends;
using LeeQ.Epii.Platform.Contracts.Parameters;
using LeeQ.Epii.Platform.Contracts.Programs;
using LeeQ.Epii.Platform.Plugins.Simulation.Numeric;
using LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Model;
using LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Physics;
using LeeQ.Epii.Platform.Simulation.Benchmarks;
using Microsoft.Extensions.Logging.Abstractions;

// Speed of the numeric simulator. Prints a markdown report; run in Release:
//   dotnet run -c Release --project benchmarks/Simulation.Benchmarks [-- case numbers, e.g. 1 4]
// With "reference <spec.json>" it instead solves the single-qubit programs of a spec written by
// benchmarks/qutip_compare.py and prints their final populations as JSON.
if (args.Length == 2 && args[0] == "reference")
{
    Console.WriteLine(ReferenceRunner.Run(File.ReadAllText(args[1])));
    return;
}

// Which of the numbered cases below to run (all when none is named).
var selected = args.Select(a => int.TryParse(a, out var n) ? n : -1).ToHashSet();
bool Runs(int number) => selected.Count == 0 || selected.Contains(number);

Console.WriteLine(
    $"Machine: {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}, .NET {Environment.Version}"
);
Console.WriteLine($"CPU: {CpuName()}");
Console.WriteLine();
Console.WriteLine("| Case | Target | Median wall | Best wall | CPU per run | Runs |");
Console.WriteLine("|---|---|---|---|---|---|");

// 1. One 3-level qubit with decoherence, a 40 ns DRAG pulse (adaptive integration; amplitude varied so no memo hit).
if (Runs(1))
{
    var device = new DeviceModel
    {
        Qubits = [QubitProperties.Default(0, 3)],
        Couplings = new Dictionary<(int A, int B), double>(),
    };
    var solver = new MasterEquationSolver(device);
    var envelope = new PulseEnvelope
    {
        Shape = EnvelopeShape.Drag,
        Sigmas = 2,
        DragAlpha = -600,
    };
    var k = 0;
    var program = (double amp) =>
        PulseProgram.Builder().Play(0, 5000, amp, 0, 0.04, envelope).Measure(0, 6999.5, 0.15, 1, "m").Build();
    Report(
        "3-level qubit with T1/T2, one 40 ns DRAG pulse solve",
        "≤ 0.1 ms",
        2000,
        () =>
        {
            var amp = 0.45 + (1e-7 * k++);
            solver.Run(
                PulseProgram.Builder().Play(0, 5000, amp, 0, 0.04, envelope).Measure(0, 6999.5, 0.15, 1, "m").Build(),
                CancellationToken.None
            );
        },
        perOperation: true
    );
    for (var w = 0; w < 2000; w++)
    {
        solver.Run(program(0.3 + (1e-7 * w)), CancellationToken.None);
    }

    // Thread CPU time per solve, in 20 batches of 100: the median batch, and the best.
    var batches = new double[20];
    for (var b = 0; b < batches.Length; b++)
    {
        var threadStart = ThreadClock.Seconds();
        for (var r = 0; r < 100; r++)
        {
            solver.Run(program(0.35 + (1e-7 * ((100 * b) + r))), CancellationToken.None);
        }

        batches[b] = (ThreadClock.Seconds() - threadStart) / 100 * 1e6;
    }

    Array.Sort(batches);
    Console.WriteLine(
        $"| 3-level qubit with T1/T2, one 40 ns DRAG pulse solve (thread CPU time) | ≤ 0.1 ms | {batches[batches.Length / 2]:F1} µs | {batches[0]:F1} µs | | 2000 |"
    );
}

// 2. 101-point Rabi sweep (square pulses of increasing width), 1000 shots, through the backend.
if (Runs(2))
{
    await using (var backend = await Create("""{ "qubits": 1 }"""))
    {
        var snapshot = Snapshot(backend);
        var programs = SquareRabiPrograms();
        Report("101-point Rabi sweep, 1 qubit × 3 levels, 1000 shots", "≤ 20 ms", 30, () =>
            Sweep(backend, snapshot, programs)
        );
    }
}

// 3. Two coupled 3-level qubits, 101-point Rabi sweep on q0, both measured, 1000 shots.
if (Runs(3))
{
    await using (var backend = await Create("""{ "qubits": 2, "couplings": { "q0-q1": { "strength": 5e6 } } }"""))
    {
        var snapshot = Snapshot(backend);
        var programs = Enumerable
            .Range(0, 101)
            .Select(i =>
                PulseProgram
                    .Builder()
                    .Play(0, 5000, 0.2, 0, 0.002 * i, PulseEnvelope.Square)
                    .Barrier()
                    .Measure(0, 6999.5, 0.15, 1, "a")
                    .Measure(1, 7149.5, 0.15, 1, "b")
                    .Build()
            )
            .ToList();
        Report("101-point Rabi sweep, 2 coupled qubits × 3 levels, 1000 shots", "≤ 200 ms", 10, () =>
            Sweep(backend, snapshot, programs)
        );

        var dragPrograms = Enumerable
            .Range(0, 101)
            .Select(i =>
                PulseProgram
                    .Builder()
                    .Play(0, 5000, 0.47, 0, 0.04, new PulseEnvelope { Shape = EnvelopeShape.Drag, DragAlpha = -600 })
                    .Barrier()
                    .Delay(0.5 * i)
                    .Measure(0, 6999.5, 0.15, 1, "a")
                    .Measure(1, 7149.5, 0.15, 1, "b")
                    .Build()
            )
            .ToList();
        Report("101-point T1 sweep after a DRAG π, 2 coupled qubits × 3 levels, 1000 shots", "(info)", 10, () =>
            Sweep(backend, snapshot, dragPrograms)
        );
    }
}

// 4. Four uncoupled 3-level qubits (D = 81), 101-point Ramsey-like sweep on q2.
if (Runs(4))
{
    await using (var backend = await Create("""{ "qubits": 4 }"""))
    {
        var snapshot = Snapshot(backend);
        var programs = Enumerable
            .Range(0, 101)
            .Select(i =>
                PulseProgram
                    .Builder()
                    .Play(2, 5201, 0.2, 0, 0.0125, PulseEnvelope.Square)
                    .Delay(0.05 * i)
                    .Play(2, 5201, 0.2, 0, 0.0125, PulseEnvelope.Square)
                    .Measure(2, 7299.5, 0.15, 1, "m")
                    .Build()
            )
            .ToList();
        Report("101-point Ramsey sweep, 4 uncoupled qubits × 3 levels, 1000 shots", "(info)", 5, () =>
            Sweep(backend, snapshot, programs)
        );
    }
}

// 5. The same Rabi sweep on the integrated ("qutip") engine, for comparison.
if (Runs(5))
{
    await using (var backend = await Create("""{ "backend": "qutip", "qubits": 1 }"""))
    {
        var snapshot = Snapshot(backend);
        var programs = SquareRabiPrograms();
        Report("101-point Rabi sweep, 1 qubit × 3 levels, 1000 shots, engine qutip", "(info)", 5, () =>
            Sweep(backend, snapshot, programs)
        );
    }
}

// The 101 widths of a square-pulse Rabi sweep on qubit 0, measured after each pulse.
static List<PulseProgram> SquareRabiPrograms() =>
    [
        .. Enumerable
            .Range(0, 101)
            .Select(i =>
                PulseProgram
                    .Builder()
                    .Play(0, 5000, 0.2, 0, 0.002 * i, PulseEnvelope.Square)
                    .Measure(0, 6999.5, 0.15, 1, "m")
                    .Build()
            ),
    ];

// One sweep through the backend, as a client's run would make it: 1000 shots, a fixed seed.
static void Sweep(IQuantumBackend backend, ParameterSnapshot snapshot, IReadOnlyList<PulseProgram> programs) =>
    backend
        .ExecuteAsync(
            new ExecutionRequest
            {
                Programs = programs,
                Shots = 1000,
                Seed = 1,
                Parameters = snapshot,
            },
            CancellationToken.None
        )
        .GetAwaiter()
        .GetResult();

static void Report(string name, string target, int runs, Action action, bool perOperation = false)
{
    // Warm-up: a per-operation case runs as many times as it is measured, a sweep three times, so that
    // the JIT's tiered recompilation of the hot path is over before timing starts (a sweep timed on
    // the first tier ran up to four times slower).
    for (var w = 0; w < (perOperation ? runs : 3); w++)
    {
        action();
    }

    var times = new double[runs];
    var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
    for (var r = 0; r < runs; r++)
    {
        var sw = Stopwatch.StartNew();
        action();
        times[r] = sw.Elapsed.TotalMilliseconds;
    }

    // Process CPU time (all threads) is less disturbed than wall time when other jobs share the cores.
    var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalMilliseconds / runs;
    Array.Sort(times);
    string Fmt(double ms) => perOperation ? $"{ms * 1000:F1} µs" : $"{ms:F1} ms";
    Console.WriteLine($"| {name} | {target} | {Fmt(times[runs / 2])} | {Fmt(times[0])} | {Fmt(cpu)} | {runs} |");
}

static async Task<IQuantumBackend> Create(string json) =>
    await new SimulationBackendFactory().CreateAsync(
        new BackendConfiguration
        {
            SetupName = "bench",
            SetupType = "simulation",
            Document = JsonDocument.Parse($$"""{ "simulation": {{json}} }""").RootElement,
            StateDirectory = Path.GetTempPath(),
            LoggerFactory = NullLoggerFactory.Instance,
        },
        CancellationToken.None
    );

static ParameterSnapshot Snapshot(IQuantumBackend backend) =>
    new(backend.Parameters.Select(p => new KeyValuePair<string, object?>(p.Name, p.Default)));

static string CpuName()
{
    try
    {
        return File.ReadLines("/proc/cpuinfo")
            .FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))
            ?.Split(':')[1]
            .Trim()
            ?? "unknown";
    }
    catch (IOException)
    {
        return "unknown";
    }
}
