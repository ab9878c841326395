namespace LeeQ.Epii.Platform.Contracts.Parameters;

/// <summary>
/// Another name under which a parameter is accepted (for example the original service's dotted
/// names). A value written through the alias is multiplied by <paramref name="Scale"/> to get
/// the canonical value; a value read through it is divided by it.
/// </summary>
public sealed record ParameterAlias(string Name, double Scale = 1.0);
