using System.Numerics;

namespace LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Physics;

/// <summary>
/// A component's Lindblad generator as a sparse map on one d×d block of interleaved (re, im)
/// doubles, in two parts grouped by target element i: the constant terms
/// ConstantStart[i] ≤ e &lt; ConstantStart[i + 1], each c_e·Y[source_e], and the driven terms
/// DrivenStart[i] ≤ e &lt; DrivenStart[i + 1], each factor_e·μ_e·Y[source_e] with μ_e a drive multiplier.
/// </summary>
internal sealed class LiouvilleTerms
{
    private LiouvilleTerms(LiouvilleTerm[] constant, int[] constantStart, DrivenTerm[] driven, int[] drivenStart)
    {
        Constant = constant;
        ConstantStart = constantStart;
        Driven = driven;
        DrivenStart = drivenStart;
    }

    /// <summary>The drive-independent terms in target order.</summary>
    public LiouvilleTerm[] Constant { get; }

    /// <summary>First constant term of each target element, and their count at the end.</summary>
    public int[] ConstantStart { get; }

    /// <summary>The terms a drive scales, in target order.</summary>
    public DrivenTerm[] Driven { get; }

    /// <summary>First driven term of each target element, and their count at the end.</summary>
    public int[] DrivenStart { get; }

    /// <summary>
    /// Row starts of terms sorted by target: the first term of each of <paramref name="size"/>
    /// targets, then the count.
    /// </summary>
    public static int[] RowStarts(IEnumerable<int> sortedTargets, int size)
    {
        ArgumentNullException.ThrowIfNull(sortedTargets);
        var start = new int[size + 1];
        foreach (var target in sortedTargets)
        {
            start[target + 1]++;
        }

        for (var i = 0; i < size; i++)
        {
            start[i + 1] += start[i];
        }

        return start;
    }

    /// <summary>Collects terms by element index.</summary>
    public sealed class Builder(int size)
    {
        private readonly List<(int Target, int Source, Complex Value)> _constant = [];
        private readonly List<(int Target, int Source, double Factor, int Multiplier)> _driven = [];

        /// <summary>Adds dY[target] += value·Y[source] (element indices).</summary>
        public void Add(int target, int source, Complex value) => _constant.Add((target, source, value));

        /// <summary>Adds dY[target] += factor·μ·Y[source], μ the member's drive multiplier of that kind.</summary>
        public void AddDriven(int target, int source, int member, double factor, int kind) =>
            _driven.Add((target, source, factor, (8 * member) + (2 * kind)));

        /// <summary>The terms grouped by target (then source, so that reads stay local).</summary>
        public LiouvilleTerms Build()
        {
            var constant = _constant.OrderBy(t => t.Target).ThenBy(t => t.Source).ToArray();
            var driven = _driven.OrderBy(t => t.Target).ThenBy(t => t.Source).ToArray();
            return new LiouvilleTerms(
                [.. constant.Select(t => new LiouvilleTerm(2 * t.Source, t.Value.Real, t.Value.Imaginary))],
                RowStarts(constant.Select(t => t.Target), size),
                [.. driven.Select(t => new DrivenTerm(2 * t.Source, t.Factor, t.Multiplier))],
                RowStarts(driven.Select(t => t.Target), size)
            );
        }
    }
}
