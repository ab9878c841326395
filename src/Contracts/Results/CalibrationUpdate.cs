namespace LeeQ.Epii.Platform.Contracts.Results;

/// <summary>A parameter change an experiment proposes after a good fit.</summary>
/// <param name="Parameter">Canonical parameter name, e.g. <c>q0.pi_amp</c>.</param>
/// <param name="Value">New value (a double for numeric parameters).</param>
/// <param name="Reason">Where the value comes from.</param>
public sealed record CalibrationUpdate(string Parameter, object Value, string Reason);
