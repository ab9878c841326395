using System.Collections.Concurrent;
using System.Numerics;

namespace LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Physics;

/// <summary>
/// Remembers the result of integrating a shaped segment from an exact input state. Sweep points
/// share their program prefix (the same first pulse from the same idle state), so the expensive
/// adaptive integration of that prefix runs once per sweep (and once for as long as the solver
/// serves requests on the same device). Inputs are compared bit for bit.
/// </summary>
internal sealed class SegmentMemo
{
    private const long CapacityElements = 4L << 20; // 4 Mi complex numbers (64 MiB) of inputs and outputs
    private readonly ConcurrentDictionary<string, List<(Complex[] Input, Complex[] Output)>> _entries = new(
        StringComparer.Ordinal
    );
    private long _stored;

    /// <summary>Copies a remembered output into <paramref name="state"/> and returns true when the input matches.</summary>
    public bool TryApply(string key, Span<Complex> state)
    {
        if (!_entries.TryGetValue(key, out var list))
        {
            return false;
        }

        lock (list)
        {
            foreach (var (input, output) in list)
            {
                if (state.SequenceEqual(input))
                {
                    output.CopyTo(state);
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Remembers one result; a full memo starts afresh, so a long-lived solver keeps memoising its current sweep.</summary>
    public void Add(string key, ReadOnlySpan<Complex> input, ReadOnlySpan<Complex> output)
    {
        var size = 2L * input.Length;
        if (size > CapacityElements)
        {
            return;
        }

        if (Interlocked.Add(ref _stored, size) > CapacityElements)
        {
            // Forgetting is safe: an entry is an exact result that integrating again reproduces.
            _entries.Clear();
            Interlocked.Exchange(ref _stored, size);
        }

        var list = _entries.GetOrAdd(key, _ => []);
        lock (list)
        {
            list.Add((input.ToArray(), output.ToArray()));
        }
    }
}
