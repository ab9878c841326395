using System.Reflection;

namespace LeeQ.Epii.Platform.Contracts.Plugins;

/// <summary>
/// A top-level section of the setup file owned by a plugin, with the JSON schema (draft 7) that
/// the host composes into the schema of the whole file and validates before anything starts.
/// </summary>
/// <param name="Name">Property name of the section in the setup file, e.g. <c>simulation</c>.</param>
/// <param name="SchemaJson">JSON schema of the section's value.</param>
public sealed record ConfigSection(string Name, string SchemaJson)
{
    /// <summary>A section whose schema is an embedded resource of <paramref name="assembly"/>.</summary>
    public static ConfigSection FromResource(string name, Assembly assembly, string resourceName)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException(
                $"embedded schema '{resourceName}' is missing from {assembly.GetName().Name}"
            );
        using var reader = new StreamReader(stream);
        return new ConfigSection(name, reader.ReadToEnd());
    }
}
