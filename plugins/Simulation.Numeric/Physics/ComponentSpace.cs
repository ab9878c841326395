using System.Numerics;

namespace LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Physics;

/// <summary>
/// A set of qubits evolved together (a connected component of the coupling graph) inside the
/// joint Hilbert space. The joint index is Σ_q k_q·stride_q with q0 most significant; the
/// component's own index uses the same order restricted to its qubits. A map that acts only on
/// the component acts identically on every block ρ[(·, r), (·, r')] of the joint density matrix,
/// so the joint state is evolved by gathering those blocks, evolving them together and scattering
/// them back (cost D²·d_C per step instead of D³).
/// </summary>
internal sealed class ComponentSpace
{
    private readonly int[] _jointIndex;

    public ComponentSpace(int id, IReadOnlyList<int> allLevels, IReadOnlyList<int> qubits)
    {
        Id = id;
        Qubits = [.. qubits.Order()];
        Levels = [.. Qubits.Select(q => allLevels[q])];
        Strides = new int[Qubits.Length];
        var stride = 1;
        for (var p = Qubits.Length - 1; p >= 0; p--)
        {
            Strides[p] = stride;
            stride *= Levels[p];
        }

        Dim = stride;
        JointDim = allLevels.Aggregate(1, (a, l) => a * l);
        RestDim = JointDim / Dim;

        var jointStrides = new int[allLevels.Count];
        var js = 1;
        for (var q = allLevels.Count - 1; q >= 0; q--)
        {
            jointStrides[q] = js;
            js *= allLevels[q];
        }

        _jointIndex = new int[JointDim];
        var restCounter = new int[Dim];
        for (var i = 0; i < JointDim; i++)
        {
            var k = 0;
            for (var p = 0; p < Qubits.Length; p++)
            {
                k += (i / jointStrides[Qubits[p]] % Levels[p]) * Strides[p];
            }

            // Joint indices with the same component index k are met in increasing order of
            // the remaining digits, which is the rest index r.
            var r = restCounter[k]++;
            _jointIndex[(k * RestDim) + r] = i;
        }
    }

    /// <summary>Component number within the device.</summary>
    public int Id { get; }

    /// <summary>Joint qubit indices, ascending.</summary>
    public int[] Qubits { get; }

    /// <summary>Levels per member qubit.</summary>
    public int[] Levels { get; }

    /// <summary>Strides of the member qubits in the component index.</summary>
    public int[] Strides { get; }

    /// <summary>d_C, the component dimension.</summary>
    public int Dim { get; }

    /// <summary>D, the joint dimension.</summary>
    public int JointDim { get; }

    /// <summary>D / d_C.</summary>
    public int RestDim { get; }

    /// <summary>Number of d_C×d_C blocks of the joint state.</summary>
    public int BlockCount => RestDim * RestDim;

    /// <summary>Level of member <paramref name="position"/> in component index <paramref name="k"/>.</summary>
    public int LevelOf(int position, int k) => k / Strides[position] % Levels[position];

    /// <summary>Copies the blocks of the joint ρ (D×D, row-major) into <paramref name="blocks"/>.</summary>
    public void Gather(ReadOnlySpan<Complex> rho, Span<Complex> blocks)
    {
        var d = Dim;
        var n = RestDim;
        var big = JointDim;
        var p = 0;
        for (var r = 0; r < n; r++)
        {
            for (var rr = 0; rr < n; rr++)
            {
                for (var k = 0; k < d; k++)
                {
                    var row = _jointIndex[(k * n) + r] * big;
                    for (var l = 0; l < d; l++)
                    {
                        blocks[p++] = rho[row + _jointIndex[(l * n) + rr]];
                    }
                }
            }
        }
    }

    /// <summary>Writes <paramref name="blocks"/> back into the joint ρ.</summary>
    public void Scatter(ReadOnlySpan<Complex> blocks, Span<Complex> rho)
    {
        var d = Dim;
        var n = RestDim;
        var big = JointDim;
        var p = 0;
        for (var r = 0; r < n; r++)
        {
            for (var rr = 0; rr < n; rr++)
            {
                for (var k = 0; k < d; k++)
                {
                    var row = _jointIndex[(k * n) + r] * big;
                    for (var l = 0; l < d; l++)
                    {
                        rho[row + _jointIndex[(l * n) + rr]] = blocks[p++];
                    }
                }
            }
        }
    }
}
