namespace LeeQ.Epii.Platform.Contracts.Results;

/// <summary>The outcome of one fit: values with errors, goodness of fit and a quality verdict.</summary>
public sealed record FitReport
{
    /// <summary>Model fitted, in words or as a formula.</summary>
    public required string Model { get; init; }

    /// <summary>Fitted quantities.</summary>
    public required IReadOnlyList<FitValue> Values { get; init; }

    /// <summary>Coefficient of determination (NaN when undefined).</summary>
    public double RSquared { get; init; } = double.NaN;

    /// <summary>Reduced chi-square, when the data have known errors (NaN otherwise).</summary>
    public double ReducedChiSquared { get; init; } = double.NaN;

    /// <summary>The verdict.</summary>
    public required FitQuality Quality { get; init; }

    /// <summary>Why the verdict is what it is.</summary>
    public required string Reason { get; init; }

    /// <summary>The fitted value of <paramref name="name"/>; throws naming it when absent.</summary>
    public FitValue this[string name] =>
        Values.FirstOrDefault(v => v.Name == name) ?? throw new KeyNotFoundException($"fit has no value '{name}'");
}
