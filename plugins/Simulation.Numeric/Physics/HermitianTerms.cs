namespace LeeQ.Epii.Platform.Plugins.Simulation.Numeric.Physics;

/// <summary>
/// The generator restricted to a Hermitian block Y, acting on its d² real parameters x
/// (<see cref="HermitianPacking"/>: x[k·d + k] = Y_kk, and for k &lt; l x[k·d + l] = Re Y_kl,
/// x[l·d + k] = Im Y_kl). The Lindblad map keeps Y Hermitian, so dx is a real linear function of x:
/// constant terms c·x[source], and driven terms factor·u·x[source] with u the real or imaginary part
/// of a member's drive. That halves the arithmetic of the complex form.
/// </summary>
internal sealed class HermitianTerms
{
    private readonly (int Source, double Value)[] _constant;
    private readonly int[] _constantStart;
    private readonly (int Source, double Factor, int Drive)[] _driven;
    private readonly int[] _drivenStart;

    private HermitianTerms(
        (int Source, double Value)[] constant,
        int[] constantStart,
        (int Source, double Factor, int Drive)[] driven,
        int[] drivenStart
    )
    {
        _constant = constant;
        _constantStart = constantStart;
        _driven = driven;
        _drivenStart = drivenStart;
    }

    /// <summary>
    /// The real form of the complex <paramref name="terms"/>. Only targets on and above the diagonal are
    /// needed. A source element Y_ab is Re + i·Im with Re = x[min·d + max] and Im = ±x[max·d + min]
    /// (+ above the diagonal, − below, none on it); a term c·Y_ab then adds Re(c·Y_ab) to the target's
    /// real parameter and Im(c·Y_ab) to its imaginary one. A driven multiplier of kind 0…3 is
    /// −i·h, i·h*, −i·h*, i·h, whose real part is ±Im h and imaginary part ±Re h.
    /// </summary>
    public static HermitianTerms From(LiouvilleTerms terms, int d)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var constant = new Dictionary<(int Target, int Source), double>();
        var driven = new Dictionary<(int Target, int Source, int Drive), double>();
        void AddConstant(int target, int source, double value) =>
            constant[(target, source)] = constant.GetValueOrDefault((target, source)) + value;
        void AddDriven(int target, int source, int drive, double value) =>
            driven[(target, source, drive)] = driven.GetValueOrDefault((target, source, drive)) + value;

        for (var target = 0; target < d * d; target++)
        {
            var (k, l) = (target / d, target % d);
            if (k > l)
            {
                continue;
            }

            var re = (k * d) + l;
            var im = k < l ? (l * d) + k : -1;
            foreach (var term in terms.Constant[terms.ConstantStart[target]..terms.ConstantStart[target + 1]])
            {
                var (sourceRe, sourceIm, sign) = Parts(term.Source / 2, d);
                AddConstant(re, sourceRe, term.Real);
                if (sourceIm >= 0)
                {
                    AddConstant(re, sourceIm, -term.Imaginary * sign);
                }

                if (im >= 0)
                {
                    AddConstant(im, sourceRe, term.Imaginary);
                    if (sourceIm >= 0)
                    {
                        AddConstant(im, sourceIm, term.Real * sign);
                    }
                }
            }

            foreach (var term in terms.Driven[terms.DrivenStart[target]..terms.DrivenStart[target + 1]])
            {
                var (sourceRe, sourceIm, sign) = Parts(term.Source / 2, d);
                var member = term.Multiplier / 8;
                var kind = term.Multiplier % 8 / 2;
                var realSign = kind < 2 ? 1.0 : -1.0; // Re μ = realSign·Im h
                var imaginarySign = kind % 2 == 0 ? -1.0 : 1.0; // Im μ = imaginarySign·Re h
                var (hRe, hIm) = (2 * member, (2 * member) + 1);
                AddDriven(re, sourceRe, hIm, term.Factor * realSign);
                if (sourceIm >= 0)
                {
                    AddDriven(re, sourceIm, hRe, -term.Factor * imaginarySign * sign);
                }

                if (im >= 0)
                {
                    AddDriven(im, sourceRe, hRe, term.Factor * imaginarySign);
                    if (sourceIm >= 0)
                    {
                        AddDriven(im, sourceIm, hIm, term.Factor * realSign * sign);
                    }
                }
            }
        }

        var constantTerms = constant
            .Where(t => t.Value != 0)
            .OrderBy(t => t.Key.Target)
            .ThenBy(t => t.Key.Source)
            .ToArray();
        var drivenTerms = driven
            .Where(t => t.Value != 0)
            .OrderBy(t => t.Key.Target)
            .ThenBy(t => t.Key.Source)
            .ToArray();
        return new HermitianTerms(
            [.. constantTerms.Select(t => (t.Key.Source, t.Value))],
            LiouvilleTerms.RowStarts(constantTerms.Select(t => t.Key.Target), d * d),
            [.. drivenTerms.Select(t => (t.Key.Source, t.Value, t.Key.Drive))],
            LiouvilleTerms.RowStarts(drivenTerms.Select(t => t.Key.Target), d * d)
        );
    }

    /// <summary>
    /// dx of one Hermitian block; <paramref name="drives"/> holds Re h and Im h of each member in turn.
    /// </summary>
    public void Apply(ReadOnlySpan<double> drives, ReadOnlySpan<double> x, Span<double> dx)
    {
        var constant = _constant.AsSpan();
        var driven = _driven.AsSpan();
        var constantStart = _constantStart.AsSpan(0, dx.Length + 1);
        var drivenStart = _drivenStart.AsSpan(0, dx.Length + 1);
        int c = 0,
            e = 0;
        for (var i = 0; i < dx.Length; i++)
        {
            // Each row's terms follow the previous row's, so one cursor per list walks them all.
            var sum = 0.0;
            for (var end = constantStart[i + 1]; c < end; c++)
            {
                sum += constant[c].Value * x[constant[c].Source];
            }

            for (var end = drivenStart[i + 1]; e < end; e++)
            {
                var (source, factor, drive) = driven[e];
                sum += factor * drives[drive] * x[source];
            }

            dx[i] = sum;
        }
    }

    /// <summary>
    /// Where the real and imaginary parts of element <paramref name="element"/> sit in x, and the sign
    /// of the latter.
    /// </summary>
    private static (int Re, int Im, double Sign) Parts(int element, int d)
    {
        var (a, b) = (element / d, element % d);
        return a == b ? ((a * d) + a, -1, 0.0)
            : a < b ? ((a * d) + b, (b * d) + a, 1.0)
            : ((b * d) + a, (a * d) + b, -1.0);
    }
}
