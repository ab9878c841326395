using LeeQ.Epii.Platform.Contracts.Programs;
using static LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Tests.TestDevices;

namespace LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Tests;

/// <summary>Uncoupled qubits must evolve exactly as they would alone, however their timelines interleave.</summary>
public sealed class ComponentTests
{
    [Fact]
    public void UncoupledQubits_InAJointDevice_MatchTheirSingleQubitSimulationsWithin1e7()
    {
        // Three uncoupled 3-level qubits with decoherence and thermal population; q0 runs a detuned Ramsey with a
        // DRAG pulse, q1 a cosine-edge pulse and a square pulse that overlap q0's delay, q2 idles. Each measured
        // qubit must agree with the same program run on that qubit alone (tolerance 1e-7: the other
        // qubit's pulse edges cut the shaped pulses into different integration segments).
        var q0 = Qubit(levels: 3, t1: 30, t2: 20, rabi: 50, thermal: 0.03);
        var q1 = Qubit(levels: 3, f01: 5100, t1: 40, t2: 60, rabi: 40, thermal: 0.01);
        var q2 = Qubit(levels: 2, f01: 5200, t1: 10, t2: 5);
        var drag = new PulseEnvelope { Shape = EnvelopeShape.Drag, DragAlpha = -600 };
        var cosine = new PulseEnvelope { Shape = EnvelopeShape.CosineEdgeSquare, RampFraction = 0.2 };

        PulseProgramBuilder Q0(PulseProgramBuilder b, int q) =>
            b.Play(q, 5000.7, 0.23, 0.1, 0.04, drag).Delay(0.31, q).Play(q, 5000.7, 0.23, 0.4, 0.04, drag);
        PulseProgramBuilder Q1(PulseProgramBuilder b, int q) =>
            b.Delay(0.05, q).Play(q, 5099, 0.4, 0, 0.06, cosine).VirtualZ(q, 1.1).Play(q, 5100, 0.3, 0.2, 0.02, Square);

        var joint = Run(
            Device(q0, q1, q2),
            Q1(Q0(PulseProgram.Builder(), 0), 1)
                .Measure(0, 7000, 0.15, 1, "a")
                .Measure(1, 7150, 0.15, 1, "b")
                .Measure(2, 7300, 0.15, 1, "c")
                .Build()
        );
        var alone0 = Run(Device(q0), Q0(PulseProgram.Builder(), 0).Measure(0, 7000, 0.15, 1, "a").Build())[0];
        var alone1 = Run(Device(q1), Q1(PulseProgram.Builder(), 0).Measure(0, 7150, 0.15, 1, "b").Build())[0];

        for (var k = 0; k < 3; k++)
        {
            Assert.Equal(alone0[k], joint[0][k], 1e-7);
            Assert.Equal(alone1[k], joint[1][k], 1e-7);
        }

        Assert.Equal(0.0, joint[2][1], 1e-12);
    }
}
