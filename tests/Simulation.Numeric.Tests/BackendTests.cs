using System.Text.Json;
using LeeQ.Epii.Platform.Contracts.Backends;
using LeeQ.Epii.Platform.Contracts.Parameters;
using LeeQ.Epii.Platform.Contracts.Programs;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;
using static LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Tests.TestDevices;

namespace LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Tests;

/// <summary>The backend as the host sees it: configuration, parameters, shots and seeds.</summary>
public sealed class BackendTests(ITestOutputHelper output)
{
    private static BackendConfiguration Config(string simulationJson) =>
        new()
        {
            SetupName = "test",
            SetupType = "simulation",
            Document = JsonDocument
                .Parse($$"""{ "setup_type": "simulation", "simulation": {{simulationJson}} }""")
                .RootElement,
            StateDirectory = Path.GetTempPath(),
            LoggerFactory = NullLoggerFactory.Instance,
        };

    private static async Task<IQuantumBackend> Create(string simulationJson) =>
        await new SimulationBackendFactory().CreateAsync(Config(simulationJson), CancellationToken.None);

    [Fact]
    public void Validate_T2AboveTwiceT1_NamesTheQubitsT2()
    {
        var problems = new SimulationBackendFactory()
            .Validate(Config("""{ "qubits": [ { "t1": 20e-6, "t2": 50e-6 } ] }"""))
            .ToList();

        var problem = Assert.Single(problems);
        Assert.Equal("$.simulation.qubits[0].t2", problem.Path);
        Assert.Contains("must not exceed 2*t1", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CouplingToMissingQubit_NamesTheCoupling()
    {
        var problems = new SimulationBackendFactory()
            .Validate(Config("""{ "qubits": 2, "couplings": { "q0-q3": { "strength": 1e6 } } }"""))
            .ToList();

        var problem = Assert.Single(problems);
        Assert.Equal("$.simulation.couplings['q0-q3']", problem.Path);
        Assert.Contains("q3", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_InvalidSection_ThrowsInvalidOperationWithThePath()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Create("""{ "qubits": 1, "couplings": { "q0-q0": { "strength": 1 } } }""")
        );
        Assert.Contains("$.simulation.couplings['q0-q0']", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parameters_CountOfQubits_ContributesGroundTruthAndCalibration()
    {
        await using var backend = await Create("""{ "qubits": 2, "couplings": { "q0-q1": { "strength": 3e6 } } }""");
        var byName = backend.Parameters.ToDictionary(p => p.Name);

        Assert.Equal(5100.0, (double)byName["sim.q1.f01"].Default!, 9);
        Assert.Equal(50.0, (double)byName["sim.q0.t1"].Default!, 9);
        Assert.Equal("us", byName["sim.q0.t1"].Unit);
        Assert.Equal(3.0, (double)byName["sim.coupling.q0-q1"].Default!, 9);
        Assert.Equal(5000.0, (double)byName["q0.f01"].Default!, 9);
        Assert.Equal(6999.5, (double)byName["q0.readout_frequency"].Default!, 9);
        Assert.Equal("drag", byName["q0.pulse_shape"].Default);
        Assert.Equal(2, backend.Info.QubitCount);
    }

    [Fact]
    public async Task DefaultCalibration_PiPulseInvertsAndReadoutAssignsAbove095()
    {
        // The default device with its default calibration: a π pulse and 1 µs readout. Assignment fidelity
        // F = 1 − (P(1|0) + P(0|1))/2 must be well above 0.9; with χ = 1 MHz, κ = 2 MHz and noise 0.12 it is ≈ 0.98.
        await using var backend = await Create("""{ "qubits": 1 }""");
        var snapshot = Snapshot(backend.Parameters);
        var cal = QubitCalibration.From(snapshot, 0);
        PulseProgram Prepare(bool excite)
        {
            var b = PulseProgram.Builder();
            if (excite)
            {
                b.Play(0, cal.F01Mhz, cal.PiAmp, 0, cal.PiWidthUs, cal.Envelope);
            }

            return b.Measure(0, cal.ReadoutFrequencyMhz, cal.ReadoutAmp, cal.ReadoutWidthUs, "m").Build();
        }

        var result = await backend.ExecuteAsync(
            new ExecutionRequest
            {
                Programs = [Prepare(false), Prepare(true)],
                Shots = 20000,
                Seed = 7,
                Parameters = snapshot,
            },
            CancellationToken.None
        );

        var p10 = result.Programs[0]["m"].PExcited;
        var p01 = 1 - result.Programs[1]["m"].P1;
        var fidelity = 1 - ((p10 + p01) / 2);
        output.WriteLine($"P(1|0) {p10:F4}  P(0|1) {p01:F4}  F {fidelity:F4}  pi P1 {result.Programs[1]["m"].P1:F4}");
        Assert.InRange(fidelity, 0.95, 0.995);
    }

    [Fact]
    public async Task SamplingNoise_SpreadOfP1MatchesBinomialWithin10Percent()
    {
        // 800 identical π/2 programs of 200 shots each, readout noise 0 so that assignment is exact. The standard
        // deviation of the measured P1 must equal √(p(1−p)/shots), p from the noiseless run, within 10 %.
        await using var backend = await Create("""{ "qubits": [ { "readout_noise": 0 } ] }""");
        var program = PulseProgram
            .Builder()
            .Play(0, 5000, 0.125, 0, 0.04, Square)
            .Measure(0, 6999.5, 0.15, 1, "m")
            .Build();
        var programs = Enumerable.Repeat(program, 800).ToList();
        var noisy = await backend.ExecuteAsync(
            new ExecutionRequest
            {
                Programs = programs,
                Shots = 200,
                Seed = 1234,
                Parameters = Snapshot(backend.Parameters),
            },
            CancellationToken.None
        );
        var exact = await backend.ExecuteAsync(
            new ExecutionRequest
            {
                Programs = [program],
                Shots = 200,
                Seed = 1,
                Parameters = Snapshot(backend.Parameters, (WellKnownParameters.SamplingNoise, false)),
            },
            CancellationToken.None
        );

        var p = exact.Programs[0]["m"].P1;
        var values = noisy.Programs.Select(o => o["m"].P1).ToArray();
        var mean = values.Average();
        var std = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
        var binomial = Math.Sqrt(p * (1 - p) / 200);
        Assert.InRange(p, 0.4, 0.6);
        Assert.InRange(std / binomial, 0.9, 1.1);
        Assert.Equal(p, mean, 0.01);
    }

    [Fact]
    public async Task SameSeed_GivesIdenticalArrays_DifferentSeedDoesNot()
    {
        await using var backend = await Create("""{ "qubits": 2, "couplings": { "q0-q1": { "strength": 2e6 } } }""");
        var programs = Enumerable
            .Range(0, 24)
            .Select(i =>
                PulseProgram
                    .Builder()
                    .Play(0, 5000, 0.3, 0, 0.004 * i, new PulseEnvelope { Shape = EnvelopeShape.Gaussian })
                    .Barrier()
                    .Delay(0.05 * i)
                    .Measure(0, 6999.5, 0.15, 1, "a")
                    .Measure(1, 7149.5, 0.15, 1, "b")
                    .Build()
            )
            .ToList();
        ExecutionRequest Request(long seed) =>
            new()
            {
                Programs = programs,
                Shots = 300,
                Seed = seed,
                ReturnShots = true,
                Parameters = Snapshot(backend.Parameters),
            };

        var first = await backend.ExecuteAsync(Request(42), CancellationToken.None);
        var second = await backend.ExecuteAsync(Request(42), CancellationToken.None);
        var other = await backend.ExecuteAsync(Request(43), CancellationToken.None);

        for (var i = 0; i < programs.Count; i++)
        {
            foreach (var key in new[] { "a", "b" })
            {
                var x = first.Programs[i][key];
                var y = second.Programs[i][key];
                Assert.Equal(x.Probabilities, y.Probabilities);
                Assert.Equal(x.MeanIq, y.MeanIq);
                Assert.Equal(x.ShotIq, y.ShotIq);
                Assert.Equal(x.ShotStates, y.ShotStates);
            }
        }

        Assert.NotEqual(first.Programs[5]["a"].ShotIq, other.Programs[5]["a"].ShotIq);
    }

    [Fact]
    public async Task SolverKeptAcrossRequests_GivesTheSameArraysAsAFreshBackend()
    {
        // The backend keeps its solver (and its caches) while the ground truth is unchanged; a run on the
        // kept solver, also after a run on another device, must equal the same run on a new backend bit for bit.
        const string json = """{ "qubits": 2, "couplings": { "q0-q1": { "strength": 2e6 } } }""";
        await using var kept = await Create(json);
        await using var fresh = await Create(json);
        var programs = Enumerable
            .Range(0, 12)
            .Select(i =>
                PulseProgram
                    .Builder()
                    .Play(0, 5000, 0.2, 0, 0.01 * i, Square)
                    .Play(0, 5000, 0.3, 0, 0.04, new PulseEnvelope { Shape = EnvelopeShape.Drag, DragAlpha = -600 })
                    .Barrier()
                    .Delay(0.2 * i)
                    .Measure(0, 6999.5, 0.15, 1, "a")
                    .Measure(1, 7149.5, 0.15, 1, "b")
                    .Build()
            )
            .ToList();
        ExecutionRequest Request(ParameterSnapshot snapshot) =>
            new()
            {
                Programs = programs,
                Shots = 100,
                Seed = 9,
                ReturnShots = true,
                Parameters = snapshot,
            };

        var snapshot = Snapshot(kept.Parameters);
        await kept.ExecuteAsync(Request(snapshot), CancellationToken.None);
        await kept.ExecuteAsync(
            Request(Snapshot(kept.Parameters, ("sim.q0.t1", 20.0), ("sim.q0.t2", 20.0))),
            CancellationToken.None
        );
        await kept.ExecuteAsync(Request(snapshot), CancellationToken.None);
        var reused = await kept.ExecuteAsync(Request(snapshot), CancellationToken.None);
        var reference = await fresh.ExecuteAsync(Request(Snapshot(fresh.Parameters)), CancellationToken.None);

        for (var i = 0; i < programs.Count; i++)
        {
            foreach (var key in new[] { "a", "b" })
            {
                Assert.Equal(reference.Programs[i][key].Probabilities, reused.Programs[i][key].Probabilities);
                Assert.Equal(reference.Programs[i][key].MeanIq, reused.Programs[i][key].MeanIq);
                Assert.Equal(reference.Programs[i][key].ShotIq, reused.Programs[i][key].ShotIq);
            }
        }
    }

    [Theory]
    [InlineData(1e-310)]
    [InlineData(4.9e-324)]
    [InlineData(-1e-13)]
    public async Task NegligibleAmplitude_IsPlayedAsNoDrive(double amplitude)
    {
        // Denormal amplitudes once sent the propagators into denormal arithmetic that never finished.
        await using var backend = await Create("""{ "qubits": 2, "couplings": { "q0-q1": { "strength": 2e6 } } }""");
        PulseProgram Program(double amp) =>
            PulseProgram
                .Builder()
                .Play(0, 5000, amp, 0, 0.05, PulseEnvelope.Square)
                .Measure(0, 6999.5, 0.15, 1, "a")
                .Build();
        ExecutionRequest Request(double amp) =>
            new()
            {
                Programs = [Program(amp)],
                Shots = 200,
                Seed = 7,
                ReturnShots = true,
                Parameters = Snapshot(backend.Parameters),
            };

        var tiny = await backend.ExecuteAsync(Request(amplitude), CancellationToken.None);
        var none = await backend.ExecuteAsync(Request(0.0), CancellationToken.None);

        Assert.Equal(none.Programs[0]["a"].Probabilities, tiny.Programs[0]["a"].Probabilities);
        Assert.Equal(none.Programs[0]["a"].ShotIq, tiny.Programs[0]["a"].ShotIq);
    }

    [Fact]
    public async Task GroundTruthFromSnapshot_ChangesTheNextRun()
    {
        // T1 read from the snapshot: after a π pulse and 10 µs, P1 ≈ exp(−10/T1)·P1(0) (noise off). Tolerance 2e-2.
        await using var backend = await Create("""{ "qubits": 1 }""");
        var cal = QubitCalibration.From(Snapshot(backend.Parameters), 0);
        var program = PulseProgram
            .Builder()
            .Play(0, cal.F01Mhz, cal.PiAmp, 0, cal.PiWidthUs, cal.Envelope)
            .Delay(10)
            .Measure(0, cal.ReadoutFrequencyMhz, cal.ReadoutAmp, 1, "m")
            .Build();
        async Task<double> P1With(double t1)
        {
            var snapshot = Snapshot(
                backend.Parameters,
                ("sim.q0.t1", t1),
                ("sim.q0.t2", Math.Min(40.0, 2 * t1)),
                (WellKnownParameters.SamplingNoise, false)
            );
            var r = await backend.ExecuteAsync(
                new ExecutionRequest
                {
                    Programs = [program],
                    Shots = 1,
                    Seed = 0,
                    Parameters = snapshot,
                },
                CancellationToken.None
            );
            return r.Programs[0]["m"].P1;
        }

        Assert.Equal(Math.Exp(-10.0 / 50), await P1With(50), 2e-2);
        Assert.Equal(Math.Exp(-10.0 / 5), await P1With(5), 2e-2);
    }

    [Fact]
    public async Task ExecuteAsync_Cancelled_Throws()
    {
        await using var backend = await Create("""{ "qubits": 1 }""");
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var request = new ExecutionRequest
        {
            Programs = [PulseProgram.Builder().Delay(1).Measure(0, 7000, 0.1, 1, "m").Build()],
            Shots = 10,
            Seed = 1,
            Parameters = ParameterSnapshot.Empty,
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => backend.ExecuteAsync(request, cts.Token));
    }

    [Fact]
    public async Task ExecuteAsync_ProgramOnMissingQubit_ThrowsArgumentExceptionNamingIt()
    {
        await using var backend = await Create("""{ "qubits": 2 }""");
        var request = new ExecutionRequest
        {
            Programs = [PulseProgram.Builder().Measure(3, 7000, 0.1, 1, "m").Build()],
            Shots = 10,
            Seed = 1,
            Parameters = ParameterSnapshot.Empty,
        };

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            backend.ExecuteAsync(request, CancellationToken.None)
        );
        Assert.Contains("q3", error.Message, StringComparison.Ordinal);
    }
}
