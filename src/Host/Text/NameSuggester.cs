namespace LeeQ.Epii.Platform.Host.Text;

/// <summary>Finds the known names closest to a misspelt one, for "did you mean" hints.</summary>
internal static class NameSuggester
{
    /// <summary>Up to <paramref name="max"/> candidates within a small edit distance of <paramref name="name"/>.</summary>
    public static IReadOnlyList<string> Suggest(string name, IEnumerable<string> candidates, int max = 3)
    {
        var lowered = name.ToLowerInvariant();
        var limit = Math.Max(2, lowered.Length / 3);
        return candidates
            .Select(c => (Name: c, Distance: Distance(lowered, c.ToLowerInvariant())))
            .Where(c => c.Distance <= limit || c.Name.Contains(lowered, StringComparison.OrdinalIgnoreCase))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(max)
            .Select(c => c.Name)
            .ToList();
    }

    /// <summary>" Did you mean 'x'?" or empty.</summary>
    public static string Hint(string name, IEnumerable<string> candidates)
    {
        var found = Suggest(name, candidates);
        return found.Count == 0 ? "" : $" Did you mean {string.Join(" or ", found.Select(f => $"'{f}'"))}?";
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
