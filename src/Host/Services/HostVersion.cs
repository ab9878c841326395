using System.Reflection;

namespace LeeQ.Epii.Platform.Host.Services;

/// <summary>The host's version as reported on the wire and by --version.</summary>
internal static class HostVersion
{
    public static string Current { get; } =
        typeof(HostVersion)
            .Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()
            ?.InformationalVersion.Split('+')[0]
        ?? typeof(HostVersion).Assembly.GetName().Version?.ToString(3)
        ?? "0.0.0";
}
