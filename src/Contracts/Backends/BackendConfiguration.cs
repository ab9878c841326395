using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace LeeQ.Epii.Platform.Contracts.Backends;

/// <summary>What a backend factory is given: the validated setup file in canonical form.</summary>
public sealed record BackendConfiguration
{
    /// <summary>The setup's name (<c>setup_name</c>).</summary>
    public required string SetupName { get; init; }

    /// <summary><c>simulation</c> or <c>hardware</c>.</summary>
    public required string SetupType { get; init; }

    /// <summary>The whole setup document, already validated against the composed schema.</summary>
    public required JsonElement Document { get; init; }

    /// <summary>Directory where the backend may keep state of its own.</summary>
    public required string StateDirectory { get; init; }

    /// <summary>Logger factory of the host.</summary>
    public required ILoggerFactory LoggerFactory { get; init; }

    /// <summary>A top-level section of the document, if present.</summary>
    public JsonElement? Section(string name) =>
        Document.ValueKind == JsonValueKind.Object && Document.TryGetProperty(name, out var value) ? value : null;
}
