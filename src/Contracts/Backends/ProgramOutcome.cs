namespace LeeQ.Epii.Platform.Contracts.Backends;

/// <summary>The outcomes of the measurements of one program, in program order.</summary>
public sealed record ProgramOutcome(IReadOnlyList<MeasurementOutcome> Measurements)
{
    /// <summary>The measurement with that key; throws naming it when absent.</summary>
    public MeasurementOutcome this[string key] =>
        Measurements.FirstOrDefault(m => m.Key == key)
        ?? throw new KeyNotFoundException($"no measurement with key '{key}' in this program");
}
