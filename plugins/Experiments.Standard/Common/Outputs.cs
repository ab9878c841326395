using LeeQ.Epii.Platform.Contracts.Experiments;

namespace LeeQ.Epii.Platform.Plugins.Experiments.Standard.Common;

/// <summary>Builders for the output specs the experiments share.</summary>
internal static class Outputs
{
    /// <summary>Name of the fit verdict output.</summary>
    public const string FitQuality = "fit_quality";

    /// <summary>Name of the fit verdict reason output.</summary>
    public const string FitQualityReason = "fit_quality_reason";

    /// <summary>Name of the coefficient of determination output.</summary>
    public const string RSquared = "r_squared";

    /// <summary>A float64 array.</summary>
    public static OutputSpec Array(string name, string shape, string description) =>
        new(name, "float64", shape, description);

    /// <summary>A complex128 array.</summary>
    public static OutputSpec ComplexArray(string name, string shape, string description) =>
        new(name, "complex128", shape, description);

    /// <summary>A number.</summary>
    public static OutputSpec Number(string name, string description) => new(name, "number", "", description);

    /// <summary>Text.</summary>
    public static OutputSpec Text(string name, string description) => new(name, "text", "", description);

    /// <summary>A boolean.</summary>
    public static OutputSpec Flag(string name, string description) => new(name, "bool", "", description);

    /// <summary>A fitted number and its <c>_std</c> companion.</summary>
    public static IEnumerable<OutputSpec> Fitted(string name, string description) =>
        [
            Number(name, $"{description} (present when the fit converged)"),
            Number($"{name}_std", $"One-sigma standard error of {name}, same unit"),
        ];

    /// <summary>The fit verdict outputs (<c>fit_quality</c>, <c>fit_quality_reason</c>, <c>r_squared</c>).</summary>
    public static IEnumerable<OutputSpec> Quality(string prefix = "") =>
        [
            Text(prefix + FitQuality, "Fit verdict: good (values usable) or bad (see the reason)"),
            Text(prefix + FitQualityReason, "Why the verdict is what it is"),
            Number(prefix + RSquared, "Coefficient of determination of the fit (NaN when undefined)"),
        ];

    /// <summary>The per-shot IQ output, present only with return_raw_data.</summary>
    public static OutputSpec ShotIq(string name, string shape) =>
        ComplexArray(
            name,
            shape,
            "Per-shot integrated IQ values (arbitrary units), C order; only with return_raw_data and when the backend returns shots"
        );
}
