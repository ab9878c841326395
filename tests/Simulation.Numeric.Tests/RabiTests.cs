using LeeQ.Epii.Platform.Contracts.Programs;
using static LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Tests.TestDevices;

namespace LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Tests;

/// <summary>Driven two-level dynamics against the closed-form Rabi solutions.</summary>
public sealed class RabiTests
{
    private const double Amp = 0.3;
    private const double Rabi = 50; // MHz per unit amplitude

    [Fact]
    public void ResonantSquarePulse_TwoLevelsNoDecoherence_FollowsSinSquaredWithin1e6()
    {
        // P1(t) = sin²(Ω t / 2), Ω = 2π·rabi·amp. Tolerance 1e-6.
        var device = Device(Qubit(levels: 2, rabi: Rabi));
        var omega = 2 * Math.PI * Rabi * Amp;
        for (var w = 0.0; w <= 0.2; w += 0.0037)
        {
            var program = PulseProgram
                .Builder()
                .Play(0, 5000, Amp, 0, w, Square)
                .Measure(0, 7000, 0.15, 1, "m")
                .Build();
            Assert.Equal(Math.Pow(Math.Sin(omega * w / 2), 2), P1(device, program), 1e-6);
        }
    }

    [Theory]
    [InlineData(5.0)]
    [InlineData(-12.0)]
    public void DetunedSquarePulse_FollowsGeneralisedRabiWithin1e6(double detuningMhz)
    {
        // P1(t) = Ω²/(Ω²+Δ²)·sin²(√(Ω²+Δ²)·t/2) with Δ = 2π·(f01 − f_d). Tolerance 1e-6 at every point,
        // which pins both the reduced amplitude and the generalised frequency.
        var device = Device(Qubit(levels: 2, rabi: Rabi));
        var omega = 2 * Math.PI * Rabi * Amp;
        var delta = 2 * Math.PI * detuningMhz;
        var generalised = Math.Sqrt((omega * omega) + (delta * delta));
        var peak = 0.0;
        for (var w = 0.0; w <= 0.3; w += 0.0041)
        {
            var program = PulseProgram
                .Builder()
                .Play(0, 5000 - detuningMhz, Amp, 0, w, Square)
                .Measure(0, 7000, 0.15, 1, "m")
                .Build();
            var p1 = P1(device, program);
            Assert.Equal(
                omega * omega / (generalised * generalised) * Math.Pow(Math.Sin(generalised * w / 2), 2),
                p1,
                1e-6
            );
            peak = Math.Max(peak, p1);
        }

        Assert.True(peak < 0.999, "a detuned drive must not reach full inversion");
    }

    [Fact]
    public void PulsePhase_RotatesAboutTheDocumentedAxis()
    {
        // Two resonant π/2 pulses: equal phases add to π (P1 = 1), opposite phases cancel (P1 = 0);
        // a virtual-Z of π between them acts like the opposite phase. Tolerance 1e-6.
        var device = Device(Qubit(levels: 2, rabi: Rabi));
        var half = 0.25 / (Rabi * Amp);
        PulseProgram Two(double secondPhase, double vz) =>
            PulseProgram
                .Builder()
                .Play(0, 5000, Amp, 0, half, Square)
                .VirtualZ(0, vz)
                .Play(0, 5000, Amp, secondPhase, half, Square)
                .Measure(0, 7000, 0.15, 1, "m")
                .Build();

        Assert.Equal(1.0, P1(device, Two(0, 0)), 1e-6);
        Assert.Equal(0.0, P1(device, Two(Math.PI, 0)), 1e-6);
        Assert.Equal(0.0, P1(device, Two(0, Math.PI)), 1e-6);
        Assert.Equal(0.5, P1(device, Two(Math.PI / 2, 0)), 1e-6);
    }
}
