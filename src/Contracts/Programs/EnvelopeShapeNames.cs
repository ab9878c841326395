namespace LeeQ.Epii.Platform.Contracts.Programs;

/// <summary>Config and wire spellings of <see cref="EnvelopeShape"/>.</summary>
public static class EnvelopeShapeNames
{
    /// <summary>Accepted names, lower case, in the order they are documented.</summary>
    public static IReadOnlyList<string> All { get; } =
    ["square", "gaussian", "drag", "blackman", "blackman_drag", "cosine_edge_square"];

    /// <summary>The lower-case name of a shape.</summary>
    public static string ToName(this EnvelopeShape shape) =>
        shape switch
        {
            EnvelopeShape.Square => "square",
            EnvelopeShape.Gaussian => "gaussian",
            EnvelopeShape.Drag => "drag",
            EnvelopeShape.Blackman => "blackman",
            EnvelopeShape.BlackmanDrag => "blackman_drag",
            EnvelopeShape.CosineEdgeSquare => "cosine_edge_square",
            _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, "unknown envelope shape"),
        };

    /// <summary>Parses a name (case-insensitive; <c>-</c> and <c>_</c> are equivalent).</summary>
    public static bool TryParse(string? name, out EnvelopeShape shape)
    {
        shape = EnvelopeShape.Square;
        if (name is null)
        {
            return false;
        }

        var key = name.Trim().Replace('-', '_').ToLowerInvariant();
        for (var k = 0; k < All.Count; k++)
        {
            if (All[k] == key)
            {
                shape = (EnvelopeShape)k;
                return true;
            }
        }

        return false;
    }
}
