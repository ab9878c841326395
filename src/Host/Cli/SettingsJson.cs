using System.Text.Json;
using System.Text.Json.Serialization;

namespace LeeQ.Epii.Platform.Host.Cli;

/// <summary>JSON options for printing settings in reports.</summary>
internal static class SettingsJson
{
    public static JsonSerializerOptions Options { get; } =
        new()
        {
            WriteIndented = false,
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            Converters = { new JsonStringEnumConverter() },
        };
}
