namespace LeeQ.Epii.Platform.Host.Text;

/// <summary>Bounds client-supplied text echoed back in errors, so an error never outgrows its message.</summary>
internal static class Clip
{
    /// <summary><paramref name="text"/>, cut to <paramref name="max"/> characters with a note of how much was cut.</summary>
    public static string Text(string text, int max = 80) =>
        text.Length <= max ? text : $"{text[..max]}… ({text.Length} characters)";

    /// <summary>The first <paramref name="max"/> items, then "and N more".</summary>
    public static string List(IReadOnlyCollection<string> items, int max = 10, string separator = "; ") =>
        items.Count <= max
            ? string.Join(separator, items)
            : $"{string.Join(separator, items.Take(max))}{separator}and {items.Count - max} more";
}
