using LeeQ.Epii.Platform.Contracts.Programs;
using static LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Tests.TestDevices;

namespace LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Tests;

/// <summary>Relaxation, Ramsey and echo against their analytic forms.</summary>
public sealed class DecoherenceTests
{
    private const double T1 = 50;
    private const double T2 = 40;
    private const double FastRabi = 500; // MHz per unit amplitude
    private const double PiWidth = 0.001; // 1 ns π pulse at amplitude 1
    private const double F01 = 5000;

    [Fact]
    public void FreeDecayFromExcitedState_FollowsExpMinusTOverT1Within1e6()
    {
        // dP1/dt = −P1/T1 exactly for two levels, whatever the coherences: P1(t)/P1(0) = exp(−t/T1). Tolerance 1e-6.
        var device = Device(Qubit(levels: 2, t1: T1, t2: T2, rabi: FastRabi));
        double Excited(double delay) =>
            P1(
                device,
                PulseProgram
                    .Builder()
                    .Play(0, F01, 1.0, 0, PiWidth, Square)
                    .Delay(delay)
                    .Measure(0, 7000, 0.15, 1, "m")
                    .Build()
            );

        var start = Excited(0);
        Assert.True(start > 0.999, "the 1 ns π pulse should invert the qubit");
        foreach (var t in new[] { 1.0, 5.0, 17.0, 50.0, 120.0, 300.0 })
        {
            Assert.Equal(Math.Exp(-t / T1), Excited(t) / start, 1e-6);
        }
    }

    [Fact]
    public void Ramsey_FringeAtTheSetDetuningWithT2Envelope()
    {
        // π/2 – τ – π/2 at a carrier detuned by δ: P1 = ½(1 + e^{−τ/T2}·cos(2πδτ)) for ideal pulses.
        // Checked pointwise within 4e-3 (the 0.5 ns pulses are not instantaneous: δ·0.5 ns shifts the phase), and the fringe frequency
        // fitted by least squares must equal δ within 0.1 %.
        const double delta = 1.3;
        var device = Device(Qubit(levels: 2, t1: T1, t2: T2, rabi: FastRabi));
        var taus = Enumerable.Range(0, 161).Select(i => i * 0.05).ToArray();
        var p1 = taus.Select(tau => P1(device, Ramsey(F01 + delta, tau, echo: false))).ToArray();

        for (var i = 0; i < taus.Length; i++)
        {
            Assert.Equal(0.5 * (1 + (Math.Exp(-taus[i] / T2) * Math.Cos(2 * Math.PI * delta * taus[i]))), p1[i], 4e-3);
        }

        var best = double.NaN;
        var bestResidual = double.PositiveInfinity;
        for (var f = 0.9 * delta; f <= 1.1 * delta; f += delta * 1e-5)
        {
            var residual = 0.0;
            for (var i = 0; i < taus.Length; i++)
            {
                var model = 0.5 * (1 + (Math.Exp(-taus[i] / T2) * Math.Cos(2 * Math.PI * f * taus[i])));
                residual += (p1[i] - model) * (p1[i] - model);
            }

            if (residual < bestResidual)
            {
                (best, bestResidual) = (f, residual);
            }
        }

        Assert.InRange(best / delta, 0.999, 1.001);
    }

    [Fact]
    public void SpinEcho_RefocusesAStaticDetuning()
    {
        // π/2 – τ/2 – π – τ/2 – π/2: P1 = ½(1 − e^{−τ/T2}) independent of the detuning δ (Markovian dephasing).
        // Tolerance 2e-3 against the formula; the Ramsey signal at the same δ differs by far more.
        var device = Device(Qubit(levels: 2, t1: T1, t2: T2, rabi: FastRabi));
        foreach (var tau in new[] { 0.37, 1.0, 2.9, 8.0, 21.0 })
        {
            var reference = 0.5 * (1 - Math.Exp(-tau / T2));
            foreach (var delta in new[] { 0.0, 0.8, 2.5 })
            {
                Assert.Equal(reference, P1(device, Ramsey(F01 + delta, tau, echo: true)), 2e-3);
            }
        }

        var ramsey = P1(device, Ramsey(F01 + 0.8, 1.25, echo: false));
        var echo = P1(device, Ramsey(F01 + 0.8, 1.25, echo: true));
        Assert.True(Math.Abs(ramsey - echo) > 0.1, "without the echo the detuning must show");
    }

    private static PulseProgram Ramsey(double carrier, double tau, bool echo)
    {
        var b = PulseProgram.Builder().Play(0, carrier, 1.0, 0, PiWidth / 2, Square);
        if (echo)
        {
            b.Delay(tau / 2).Play(0, carrier, 1.0, 0, PiWidth, Square).Delay(tau / 2);
        }
        else
        {
            b.Delay(tau);
        }

        return b.Play(0, carrier, 1.0, 0, PiWidth / 2, Square).Measure(0, 7000, 0.15, 1, "m").Build();
    }
}
