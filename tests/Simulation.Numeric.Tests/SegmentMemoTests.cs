using System.Numerics;
using LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Physics;

namespace LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Tests;

/// <summary>The memo of integrated segments lives as long as the solver, so it must stay bounded in memory.</summary>
public sealed class SegmentMemoTests
{
    [Fact]
    public void ManySmallEntries_AreBoundedByWhatTheyReallyHold_AndTheNewestStillHits()
    {
        // A single qubit's state is 9 complex numbers (144 bytes); its key is a few hundred characters.
        // Counting only the numbers would let 233 000 of them accumulate; with keys and bookkeeping
        // counted, a 16 MiB budget holds about 20 000.
        var memo = new SegmentMemo();
        var key = new string('k', 250);
        var input = new Complex[9];
        var output = new Complex[9];
        for (var i = 0; i < 100_000; i++)
        {
            input[0] = i;
            output[0] = -i;
            memo.Add($"{key}{i}", input, output);
        }

        Assert.InRange(memo.Count, 1, 40_000);
        var state = new Complex[9];
        state[0] = 99_999;
        Assert.True(memo.TryApply($"{key}{99_999}", state));
        Assert.Equal(-99_999, state[0].Real);
    }
}
