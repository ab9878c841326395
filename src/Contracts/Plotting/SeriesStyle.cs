namespace LeeQ.Epii.Platform.Contracts.Plotting;

/// <summary>How a series is drawn.</summary>
public enum SeriesStyle
{
    /// <summary>Points only (measured data).</summary>
    Markers,

    /// <summary>A line only (a fit or model).</summary>
    Line,

    /// <summary>Points joined by a line.</summary>
    LineAndMarkers,
}
