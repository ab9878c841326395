using System.Numerics;
using LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Model;
using LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Physics;
using static LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Tests.TestDevices;

namespace LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Tests;

/// <summary>
/// The integrator works on a packed, half-size form of ρ (Hermitian diagonal blocks as real
/// parameters, one of each mirrored pair of off-diagonal blocks). It must give exactly the derivative
/// of the dense Liouvillian on every block.
/// </summary>
public sealed class GeneratorFormTests
{
    [Fact]
    public void PackedDerivative_OfACoupledDrivenPair_MatchesTheDenseLiouvillian()
    {
        // Two coupled 3-level qubits (one component, d = 9), both driven with complex amplitudes.
        var device = Coupled(
            4.5,
            Qubit(levels: 3, t1: 20, t2: 15, thermal: 0.02),
            Qubit(levels: 3, f01: 5100, t1: 30, t2: 50)
        );
        var space = new ComponentSpace(0, [3, 3], [0, 1]);
        var generator = new ComponentGenerator(space, device, [5003.0, 5003.0]);
        Complex[] drives = [new(80, -35), new(-12, 60)];

        AssertMatchesDense(space, generator, drives, RandomHermitian(space.JointDim, seed: 3));
    }

    [Fact]
    public void PackedDerivative_OfThreeCoupledQubits_MatchesTheDenseLiouvillian()
    {
        // A chain of three coupled 3-level qubits is one 27-state component (always integrated),
        // with the outer two driven.
        var device = new DeviceModel
        {
            Qubits =
            [
                Qubit(levels: 3, t1: 20, t2: 15),
                Qubit(levels: 3, f01: 5100, t1: 30, t2: 50, thermal: 0.01),
                Qubit(levels: 3, f01: 4950, t1: 25, t2: 40),
            ],
            Couplings = new Dictionary<(int A, int B), double> { [(0, 1)] = 3.0, [(1, 2)] = 2.5 },
        };
        var space = new ComponentSpace(0, [3, 3, 3], [0, 1, 2]);
        var generator = new ComponentGenerator(space, device, [5000.0, 5000.0, 5000.0]);

        AssertMatchesDense(
            space,
            generator,
            [new(40, 15), Complex.Zero, new(-25, 70)],
            RandomHermitian(space.JointDim, seed: 4)
        );
    }

    [Fact]
    public void PackedDerivative_WithOffDiagonalBlocks_MatchesTheDenseLiouvillianOnEveryBlock()
    {
        // Qubit 1 of three uncoupled qubits: its 3-level component sees 3 × 2 = 6 rest states, so
        // 36 blocks, 15 of them stored whole above the diagonal and 15 recovered as adjoints.
        var device = Device(Qubit(levels: 2), Qubit(levels: 3, t1: 25, t2: 9, thermal: 0.05), Qubit(levels: 3));
        var space = new ComponentSpace(1, [2, 3, 3], [1]);
        var generator = new ComponentGenerator(space, device, [4997.5]);

        AssertMatchesDense(space, generator, [new Complex(150, 20)], RandomHermitian(space.JointDim, seed: 5));
        AssertMatchesDense(space, generator, [Complex.Zero], RandomHermitian(space.JointDim, seed: 6));
    }

    [Fact]
    public void PackedDerivative_OfADrivenCoupledPairBesideAnotherQubit_MatchesTheDenseLiouvillian()
    {
        // q0–q1 coupled (one 6-state component: 3 × 2 levels), q2 uncoupled with 2 levels: the pair's
        // component sees 2 rest states, so one block above the diagonal carries both members' drives.
        var device = new DeviceModel
        {
            Qubits = [Qubit(levels: 3, t1: 20, t2: 15), Qubit(levels: 2, f01: 5100, t1: 30), Qubit(levels: 2)],
            Couplings = new Dictionary<(int A, int B), double> { [(0, 1)] = 4.0 },
        };
        var space = new ComponentSpace(0, [3, 2, 2], [0, 1]);
        var generator = new ComponentGenerator(space, device, [5002.0, 5002.0]);

        AssertMatchesDense(space, generator, [new(55, -20), new(-30, 45)], RandomHermitian(space.JointDim, seed: 8));
    }

    [Fact]
    public void Packing_RoundTripsAHermitianState_Exactly()
    {
        var space = new ComponentSpace(0, [3, 2, 2], [0]);
        var rho = RandomHermitian(space.JointDim, seed: 9);
        var blocks = new Complex[space.Dim * space.Dim * space.BlockCount];
        space.Gather(rho, blocks);

        var packed = new double[HermitianPacking.Length(space.Dim, space.RestDim)];
        HermitianPacking.Pack(blocks, packed, space.Dim, space.RestDim);
        var back = new Complex[blocks.Length];
        HermitianPacking.Unpack(packed, back, space.Dim, space.RestDim);

        Assert.Equal(blocks.Length, packed.Length); // one double per complex number: half the size
        Assert.Equal(blocks, back);
    }

    private static void AssertMatchesDense(
        ComponentSpace space,
        ComponentGenerator generator,
        Complex[] drives,
        Complex[] rho
    )
    {
        var d = space.Dim;
        var size = d * d;
        var blocks = new Complex[size * space.BlockCount];
        space.Gather(rho, blocks);

        // Reference: the dense Liouvillian (row-major vec) applied to each block.
        var g = new Complex[size];
        generator.BuildG(drives, g);
        var liouvillian = generator.Liouvillian(g);
        var expected = new Complex[blocks.Length];
        for (var b = 0; b < space.BlockCount; b++)
        {
            DenseComplex.Apply(liouvillian, blocks.AsSpan(b * size, size), expected.AsSpan(b * size, size), size);
        }

        var packed = new double[HermitianPacking.Length(d, space.RestDim)];
        HermitianPacking.Pack(blocks, packed, d, space.RestDim);
        var derivative = new double[packed.Length];
        var parts = drives.SelectMany(h => new[] { h.Real, h.Imaginary }).ToArray();
        generator.Derivative(parts, packed, derivative, space.RestDim);
        var actual = new Complex[blocks.Length];
        HermitianPacking.Unpack(derivative, actual, d, space.RestDim);

        var scale = MaxAbs(expected);
        Assert.True(scale > 1, "the test state must have a sizeable derivative");
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(
                Complex.Abs(expected[i] - actual[i]) <= 1e-12 * scale,
                $"element {i}: dense {expected[i]}, packed {actual[i]}"
            );
        }
    }

    /// <summary>A random density-like Hermitian matrix (positive diagonal, complex coherences).</summary>
    private static Complex[] RandomHermitian(int n, int seed)
    {
        var random = new Random(seed);
        var rho = new Complex[n * n];
        for (var k = 0; k < n; k++)
        {
            rho[(k * n) + k] = random.NextDouble();
            for (var l = k + 1; l < n; l++)
            {
                var value = new Complex(random.NextDouble() - 0.5, random.NextDouble() - 0.5);
                rho[(k * n) + l] = value;
                rho[(l * n) + k] = Complex.Conjugate(value);
            }
        }

        return rho;
    }
}
