namespace LeeQ.Epii.Platform.Contracts.Plugins;

/// <summary>
/// The version of this SDK that a plugin was built against. The host loads a plugin only when
/// the major versions match and the plugin's minor version is not newer than the host's.
/// </summary>
public static class ContractVersion
{
    /// <summary>The contract version implemented by this assembly.</summary>
    public static Version Current { get; } = new(1, 0, 0);

    /// <summary>Tells whether a plugin built against <paramref name="pluginContract"/> can run on this host.</summary>
    public static bool IsCompatible(Version pluginContract, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(pluginContract);
        if (pluginContract.Major != Current.Major)
        {
            reason =
                $"plugin targets contract {pluginContract.ToString(3)}, host implements {Current.ToString(3)} (major versions differ)";
            return false;
        }

        if (pluginContract.Minor > Current.Minor)
        {
            reason =
                $"plugin targets contract {pluginContract.ToString(3)}, newer than the host's {Current.ToString(3)}";
            return false;
        }

        reason = null;
        return true;
    }
}
