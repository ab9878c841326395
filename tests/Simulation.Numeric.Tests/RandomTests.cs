using LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Readout;

namespace LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Tests;

/// <summary>The readout's random numbers: normal deviates with the right moments and tails, and seeds that repeat.</summary>
public sealed class RandomTests
{
    [Fact]
    public void NextGaussian_MomentsAndTailFractionsMatchTheStandardNormal()
    {
        // 2·10⁶ draws; every statistic within 5 standard errors. The tail fractions include |x| > R = 3.4426,
        // where the ziggurat switches to its tail method.
        const int n = 2_000_000;
        var random = new SeededRandom(2024, 3);
        double sum = 0,
            sumSquares = 0,
            sumFourth = 0;
        var beyond = new[] { 0.5, 1.0, 2.0, 3.442619855899, 4.0 };
        var expected = new[]
        {
            0.6170750774519738,
            0.31731050786291415,
            0.04550026389635844,
            0.0005761085123916405,
            6.334248366623993e-05,
        };
        var counts = new int[beyond.Length];
        var negative = 0;
        for (var i = 0; i < n; i++)
        {
            var x = random.NextGaussian();
            sum += x;
            sumSquares += x * x;
            sumFourth += x * x * x * x;
            negative += x < 0 ? 1 : 0;
            for (var k = 0; k < beyond.Length; k++)
            {
                counts[k] += Math.Abs(x) > beyond[k] ? 1 : 0;
            }
        }

        Assert.InRange(sum / n, -5 / Math.Sqrt(n), 5 / Math.Sqrt(n));
        Assert.InRange(sumSquares / n, 1 - (5 * Math.Sqrt(2.0 / n)), 1 + (5 * Math.Sqrt(2.0 / n)));
        Assert.InRange(sumFourth / n, 3 - (5 * Math.Sqrt(96.0 / n)), 3 + (5 * Math.Sqrt(96.0 / n)));
        Assert.InRange((double)negative / n, 0.5 - (2.5 / Math.Sqrt(n)), 0.5 + (2.5 / Math.Sqrt(n)));
        for (var k = 0; k < beyond.Length; k++)
        {
            var p = expected[k];
            var se = Math.Sqrt(p * (1 - p) / n);
            Assert.InRange((double)counts[k] / n, p - (5 * se), p + (5 * se));
        }
    }

    [Fact]
    public void SameSeedAndStream_RepeatTheSequence()
    {
        var a = new SeededRandom(77, 5);
        var b = new SeededRandom(77, 5);
        var c = new SeededRandom(77, 6);
        var first = Enumerable.Range(0, 1000).Select(_ => a.NextGaussian()).ToArray();
        Assert.Equal(first, Enumerable.Range(0, 1000).Select(_ => b.NextGaussian()).ToArray());
        Assert.NotEqual(first, Enumerable.Range(0, 1000).Select(_ => c.NextGaussian()).ToArray());
    }
}
