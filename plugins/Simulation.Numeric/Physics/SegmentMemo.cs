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
    /// <summary>Budget in bytes, counting the state arrays, the key and the bookkeeping of each entry.</summary>
    private const long CapacityBytes = 16L << 20;

    /// <summary>
    /// Rough bytes of one entry besides its two state arrays and key (list slot, tuple, array and
    /// string headers, dictionary node).
    /// </summary>
    private const long EntryOverheadBytes = 160;

    private readonly ConcurrentDictionary<string, List<(Complex[] Input, Complex[] Output)>> _entries = new(
        StringComparer.Ordinal
    );
    private long _stored;

    /// <summary>Entries held now (for diagnostics and tests).</summary>
    public int Count => _entries.Values.Sum(list => list.Count);

    /// <summary>
    /// Copies a remembered output into <paramref name="state"/> and returns true when the input matches.
    /// </summary>
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

    /// <summary>
    /// Remembers one result; a full memo starts afresh, so a long-lived solver keeps memoising its
    /// current sweep. The budget counts what an entry really holds: many small entries (a single
    /// qubit's 3×3 state) are mostly key and bookkeeping, and a memo that grew without that count
    /// would keep a large heap alive for every later garbage collection to walk.
    /// </summary>
    public void Add(string key, ReadOnlySpan<Complex> input, ReadOnlySpan<Complex> output)
    {
        ArgumentNullException.ThrowIfNull(key);
        var size = (16L * (input.Length + output.Length)) + (2L * key.Length) + EntryOverheadBytes;
        if (size > CapacityBytes)
        {
            return;
        }

        if (Interlocked.Add(ref _stored, size) > CapacityBytes)
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
