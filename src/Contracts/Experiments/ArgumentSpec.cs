using LeeQ.Epii.Platform.Contracts.Parameters;

namespace LeeQ.Epii.Platform.Contracts.Experiments;

/// <summary>One parameter of an experiment as advertised to clients and enforced by the host.</summary>
public sealed record ArgumentSpec
{
    /// <summary>Name as sent in <c>ExperimentRequest.parameters</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Value type.</summary>
    public required ParameterType Type { get; init; }

    /// <summary>What it controls.</summary>
    public required string Description { get; init; }

    /// <summary>Unit symbol, empty when dimensionless.</summary>
    public string Unit { get; init; } = "";

    /// <summary>True when the client must send it.</summary>
    public bool Required { get; init; }

    /// <summary>Value used when the client does not send it (null: none, or "use the calibrated value").</summary>
    public object? Default { get; init; }

    /// <summary>Inclusive numeric lower bound.</summary>
    public double? Minimum { get; init; }

    /// <summary>Inclusive numeric upper bound.</summary>
    public double? Maximum { get; init; }

    /// <summary>Closed set of allowed string values.</summary>
    public IReadOnlyList<string>? AllowedValues { get; init; }

    /// <summary>Other names accepted for this argument (e.g. <c>qubit</c> for <c>dut_qubit</c>).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
}
