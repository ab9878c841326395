namespace LeeQ.Epii.Platform.Contracts.Results;

/// <summary>A fitted quantity with its standard error.</summary>
/// <param name="Name">Quantity name, e.g. <c>frequency</c>.</param>
/// <param name="Value">Best estimate.</param>
/// <param name="StdError">One-sigma standard error (NaN when unknown).</param>
/// <param name="Unit">Unit symbol.</param>
public sealed record FitValue(string Name, double Value, double StdError, string Unit = "");
