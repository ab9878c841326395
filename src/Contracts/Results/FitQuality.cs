namespace LeeQ.Epii.Platform.Contracts.Results;

/// <summary>Verdict of a fit's quality gate.</summary>
public enum FitQuality
{
    /// <summary>The fit describes the data and its values can be used.</summary>
    Good,

    /// <summary>The fit did not converge or does not describe the data; see the reason.</summary>
    Bad,
}
