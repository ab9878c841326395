using LeeQ.Epii.Platform.Contracts.Programs;
using LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Model;
using Xunit.Abstractions;
using static LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Tests.TestDevices;

namespace LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Tests;

/// <summary>Leakage of a three-level transmon under DRAG, and exchange between coupled qubits.</summary>
public sealed class DragAndCouplingTests(ITestOutputHelper output)
{
    [Fact]
    public void ShortGaussianPi_WithoutDrag_LeaksMoreThanWithTheBestDrag()
    {
        // d = 3, α = −300 MHz, 20 ns gaussian π pulse (±2σ), no decoherence. Leakage P2 without DRAG must exceed
        // ten times the leakage at the best DRAG alpha of a scan; with Q = −dI/dt/(2π·alpha) the first-order
        // leakage condition is alpha = anharmonicity, so the best alpha must lie within 20 % of it.
        var q = Qubit(levels: 3, rabi: 100, anharmonicity: -300);
        var device = Device(q);
        var plain = Pi(device, q, double.PositiveInfinity);
        var bestAlpha = double.NaN;
        var best = double.PositiveInfinity;
        for (var alpha = -900.0; alpha <= -100.0; alpha += 10)
        {
            var leak = Pi(device, q, alpha)[2];
            if (leak < best)
            {
                (best, bestAlpha) = (leak, alpha);
            }
        }

        output.WriteLine(
            $"no DRAG: leakage {plain[2]:E3}, P1 {plain[1]:F6}; best alpha {bestAlpha} MHz: leakage {best:E3}"
        );
        Assert.True(plain[2] > 1e-5, "a 20 ns pulse at 300 MHz anharmonicity leaks measurably");
        Assert.True(plain[2] > 10 * best, $"DRAG should suppress leakage: {plain[2]:E3} vs {best:E3}");
        Assert.InRange(bestAlpha, -360.0, -240.0);
    }

    [Fact]
    public void DragPhaseError_VanishesNearTwiceTheAnharmonicity()
    {
        // Phase error shows as P1(Xπ·Yπ/2) − P1(Yπ·Xπ/2), zero for an ideal gate. It must change sign between
        // alpha = anharmonicity and alpha = 3·anharmonicity, and be below 1e-3 at the default alpha (2·anharmonicity),
        // while it exceeds 1e-2 without DRAG.
        var q = Qubit(levels: 3, rabi: 100, anharmonicity: -300);
        var device = Device(q);
        var low = PhaseError(device, q, -300);
        var high = PhaseError(device, q, -900);
        var chosen = PhaseError(device, q, SimulationParameters.OptimalDragAlpha(q));
        var none = PhaseError(device, q, double.PositiveInfinity);
        output.WriteLine(
            $"phase error: none {none:E3}, alpha=-300 {low:E3}, default {chosen:E3}, alpha=-900 {high:E3}"
        );
        Assert.True(low * high < 0, "the phase error must change sign across the optimum");
        Assert.True(Math.Abs(chosen) < 1e-3, $"default DRAG alpha leaves phase error {chosen:E3}");
        Assert.True(Math.Abs(none) > 1e-2, "without DRAG the phase error is visible");
    }

    private const double DragWidth = 0.02;

    private static PulseEnvelope DragEnvelope(double alpha) =>
        new()
        {
            Shape = EnvelopeShape.Drag,
            Sigmas = 2,
            DragAlpha = alpha,
        };

    private static double[] Pi(DeviceModel device, QubitProperties q, double alpha)
    {
        var envelope = DragEnvelope(alpha);
        var amp = SimulationParameters.PiAmplitude(q, envelope, DragWidth);
        return Run(
            device,
            PulseProgram.Builder().Play(0, q.F01Mhz, amp, 0, DragWidth, envelope).Measure(0, 7000, 0.15, 1, "m").Build()
        )[0];
    }

    private static double PhaseError(DeviceModel device, QubitProperties q, double alpha)
    {
        var envelope = DragEnvelope(alpha);
        var amp = SimulationParameters.PiAmplitude(q, envelope, DragWidth);
        double Pair(double first, double second) =>
            Run(
                device,
                PulseProgram
                    .Builder()
                    .Play(0, q.F01Mhz, amp, first, DragWidth, envelope)
                    .Play(0, q.F01Mhz, amp / 2, second, DragWidth, envelope)
                    .Measure(0, 7000, 0.15, 1, "m")
                    .Build()
            )[0][1];
        return Pair(0, Math.PI / 2) - Pair(Math.PI / 2, 0);
    }

    [Fact]
    public void ResonantCoupledQubits_SwapAnExcitationWithPeriodSetByJ()
    {
        // H = J(a†b + ab†), equal frequencies, |10⟩ → P1(q1) = sin²(2πJ t): full swap at t = 1/(4J).
        // Two-level limit (a 1 ns π pulse would leak on a transmon). Tolerance 2e-3: the π pulse that prepares |10⟩
        // already overlaps the coupling, counted as half its width.
        const double j = 2.0;
        var device = Coupled(j, Qubit(levels: 2, rabi: 500), Qubit(levels: 2, rabi: 500));
        foreach (var t in new[] { 0.0, 0.03, 0.0625, 0.1, 0.125, 0.2, 0.25, 0.31 })
        {
            var populations = Run(
                device,
                PulseProgram
                    .Builder()
                    .Play(0, 5000, 1.0, 0, 0.001, Square)
                    .Barrier()
                    .Delay(t)
                    .Measure(0, 7000, 0.15, 1, "a")
                    .Measure(1, 7150, 0.15, 1, "b")
                    .Build()
            );
            var expected = Math.Pow(Math.Sin(2 * Math.PI * j * (t + 0.0005)), 2);
            Assert.Equal(expected, populations[1][1], 2e-3);
            Assert.Equal(1 - expected, populations[0][1], 2e-3);
        }
    }

    [Fact]
    public void DetunedCoupledQubits_SwapOnlyPartially()
    {
        // Detuning Δ between the qubits limits the exchange to 4J²/(4J²+Δ²) at frequency √(4J²+Δ²).
        // Tolerance 3e-3; this needs the coupling handled across the two different qubit frames.
        const double j = 2.0;
        const double detuning = 6.0;
        var device = Coupled(j, Qubit(levels: 2, rabi: 500), Qubit(levels: 2, rabi: 500, f01: 5000 + detuning));
        var g = Math.Sqrt((4 * j * j) + (detuning * detuning));
        foreach (var t in new[] { 0.02, 0.05, 0.079, 0.11 })
        {
            var populations = Run(
                device,
                PulseProgram
                    .Builder()
                    .Play(0, 5000, 1.0, 0, 0.001, Square)
                    .Barrier()
                    .Delay(t)
                    .Measure(1, 7150, 0.15, 1, "b")
                    .Build()
            );
            var expected = 4 * j * j / (g * g) * Math.Pow(Math.Sin(Math.PI * g * (t + 0.0005)), 2);
            Assert.Equal(expected, populations[0][1], 3e-3);
        }
    }

    [Fact]
    public void IntegratedEngine_AgreesWithExactEngine()
    {
        // The "qutip" engine integrates every segment; it must reproduce the exact engine within 1e-6.
        var q0 = Qubit(levels: 3, t1: 20, t2: 15, rabi: 50, thermal: 0.02);
        var q1 = Qubit(levels: 3, t1: 30, t2: 25, rabi: 40, f01: 5100);
        var program = PulseProgram
            .Builder()
            .Play(0, 5000, 0.4, 0.3, 0.04, new PulseEnvelope { Shape = EnvelopeShape.Drag, DragAlpha = -300 })
            .Play(1, 5101, 0.25, 0, 0.05, Square)
            .Delay(0.3)
            .Barrier()
            .Play(0, 4999, 0.3, 1.0, 0.03, new PulseEnvelope { Shape = EnvelopeShape.CosineEdgeSquare })
            .Measure(0, 7000, 0.15, 1, "a")
            .Measure(1, 7150, 0.15, 1, "b")
            .Build();

        var exact = Run(Coupled(1.5, q0, q1), program);
        var integrated = Run(Coupled(1.5, q0, q1, EngineKind.Integrated), program);
        for (var m = 0; m < 2; m++)
        {
            for (var k = 0; k < 3; k++)
            {
                Assert.Equal(exact[m][k], integrated[m][k], 1e-6);
            }
        }
    }
}
