using System.Numerics;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Common;

/// <summary>
/// The 24 single-qubit Cliffords as sequences of ±X/2, ±Y/2, X and Y rotations (time order,
/// 1.833 pulses per Clifford on average), with their SU(2) matrices for composing sequences and
/// finding the recovery gate. Rotations are R(θ, φ) = exp(−i·θ/2·(cos φ·σx + sin φ·σy)); a
/// backend that rotates the other way applies a Z(π)-conjugated group, which keeps every
/// identity an identity, so the recovery is right under either convention.
/// </summary>
internal static class CliffordGroup
{
    /// <summary>One pulse: rotation angle and axis phase (radians).</summary>
    public readonly record struct Rotation(double Angle, double Axis);

    private static readonly Rotation X = new(Math.PI, 0);
    private static readonly Rotation Y = new(Math.PI, Math.PI / 2);
    private static readonly Rotation X2 = new(Math.PI / 2, 0);
    private static readonly Rotation MX2 = new(Math.PI / 2, Math.PI);
    private static readonly Rotation Y2 = new(Math.PI / 2, Math.PI / 2);
    private static readonly Rotation MY2 = new(Math.PI / 2, -Math.PI / 2);

    /// <summary>The decompositions, identity first.</summary>
    public static IReadOnlyList<Rotation[]> Elements { get; } =
    [
        [],
        [X],
        [Y],
        [Y, X],
        [X2, Y2],
        [X2, MY2],
        [MX2, Y2],
        [MX2, MY2],
        [Y2, X2],
        [Y2, MX2],
        [MY2, X2],
        [MY2, MX2],
        [X2],
        [MX2],
        [Y2],
        [MY2],
        [MX2, Y2, X2],
        [MX2, MY2, X2],
        [X, Y2],
        [X, MY2],
        [Y, X2],
        [Y, MX2],
        [X2, Y2, X2],
        [MX2, Y2, MX2],
    ];

    /// <summary>The SU(2) matrix of each element (row-major 2×2).</summary>
    public static IReadOnlyList<Complex[]> Matrices { get; } = [.. Elements.Select(Compose)];

    /// <summary>Average number of pulses per Clifford.</summary>
    public static double AveragePulses => Elements.Average(e => e.Length);

    /// <summary>The matrix of a rotation.</summary>
    public static Complex[] Matrix(Rotation r)
    {
        var c = Math.Cos(r.Angle / 2);
        var s = Math.Sin(r.Angle / 2);
        var (nx, ny) = (Math.Cos(r.Axis), Math.Sin(r.Axis));
        return [c, new Complex(-s * ny, -s * nx), new Complex(s * ny, -s * nx), c];
    }

    /// <summary>The product of a time-ordered pulse list (later pulses multiply from the left).</summary>
    public static Complex[] Compose(IEnumerable<Rotation> pulses)
    {
        Complex[] u = [1, 0, 0, 1];
        foreach (var p in pulses)
        {
            u = Multiply(Matrix(p), u);
        }

        return u;
    }

    /// <summary>a·b.</summary>
    public static Complex[] Multiply(Complex[] a, Complex[] b) =>
        [
            (a[0] * b[0]) + (a[1] * b[2]),
            (a[0] * b[1]) + (a[1] * b[3]),
            (a[2] * b[0]) + (a[3] * b[2]),
            (a[2] * b[1]) + (a[3] * b[3]),
        ];

    /// <summary>The index of the element equal to <paramref name="u"/> up to a global phase.</summary>
    public static int IndexOf(Complex[] u)
    {
        for (var k = 0; k < Matrices.Count; k++)
        {
            // |Tr(A†B)| = 2 exactly when A and B agree up to a phase.
            var m = Matrices[k];
            var trace =
                (Complex.Conjugate(m[0]) * u[0])
                + (Complex.Conjugate(m[2]) * u[2])
                + (Complex.Conjugate(m[1]) * u[1])
                + (Complex.Conjugate(m[3]) * u[3]);
            if (Math.Abs(trace.Magnitude - 2) < 1e-6)
            {
                return k;
            }
        }

        throw new InvalidOperationException("the matrix is not a Clifford");
    }

    /// <summary>The index of the element that undoes <paramref name="u"/>.</summary>
    public static int InverseOf(Complex[] u) =>
        IndexOf([Complex.Conjugate(u[0]), Complex.Conjugate(u[2]), Complex.Conjugate(u[1]), Complex.Conjugate(u[3])]);
}
