namespace LeeQ.Epii.Platform.Contracts.Experiments;

/// <summary>A declared output of an experiment: the only data items a response may carry.</summary>
/// <param name="Name">DataItem name.</param>
/// <param name="Type">numpy dtype for arrays (<c>float64</c>, <c>complex128</c>), or <c>number</c>, <c>text</c>, <c>bool</c>.</param>
/// <param name="Shape">Shape for arrays, e.g. <c>(N,)</c>; empty for scalars.</param>
/// <param name="Description">Meaning, with unit.</param>
public sealed record OutputSpec(string Name, string Type, string Shape, string Description);
