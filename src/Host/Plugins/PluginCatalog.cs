using System.Reflection;
using Google.Protobuf;
using Grpc.Core;
using LeeQ.Epii.Platform.Contracts.Plugins;
using McMaster.NETCore.Plugins;

namespace LeeQ.Epii.Platform.Host.Plugins;

/// <summary>
/// Discovers plugins: every immediate subfolder of a plugin directory that holds a
/// <c>*.deps.json</c> is one plugin, loaded into its own load context. Contracts, logging,
/// dependency injection, gRPC and protobuf types are shared with the host so that the plugin's
/// objects can cross the boundary; everything else the plugin brings stays private to it.
/// </summary>
internal sealed class PluginCatalog
{
    private static readonly Type[] SharedTypes =
    [
        typeof(IEpiiPlugin),
        typeof(IServiceCollection),
        typeof(ILogger),
        typeof(ServerCallContext),
        typeof(IMessage),
    ];

    private PluginCatalog(
        IReadOnlyList<LoadedPlugin> plugins,
        IReadOnlyList<PluginLoadFailure> failures,
        IReadOnlyList<string> directories
    )
    {
        Plugins = plugins;
        Failures = failures;
        Directories = directories;
    }

    public IReadOnlyList<LoadedPlugin> Plugins { get; }

    public IReadOnlyList<PluginLoadFailure> Failures { get; }

    public IReadOnlyList<string> Directories { get; }

    /// <summary>The default directory: <c>plugins/</c> beside the executable.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "plugins");

    public static PluginCatalog Discover(IEnumerable<string> directories)
    {
        var plugins = new List<LoadedPlugin>();
        var failures = new List<PluginLoadFailure>();
        var searched = new List<string>();
        foreach (var directory in directories.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal))
        {
            searched.Add(directory);
            if (!System.IO.Directory.Exists(directory))
            {
                failures.Add(new PluginLoadFailure(directory, "plugin directory does not exist"));
                continue;
            }

            foreach (var folder in System.IO.Directory.GetDirectories(directory).Order(StringComparer.Ordinal))
            {
                var result = TryLoad(folder, plugins);
                if (result.Plugin is not null)
                {
                    plugins.Add(result.Plugin);
                }
                else if (result.Failure is not null)
                {
                    failures.Add(result.Failure);
                }
            }
        }

        return new PluginCatalog(plugins, failures, searched);
    }

    private static (LoadedPlugin? Plugin, PluginLoadFailure? Failure) TryLoad(string folder, List<LoadedPlugin> loaded)
    {
        var deps = System.IO.Directory.GetFiles(folder, "*.deps.json");
        if (deps.Length == 0)
        {
            return (
                null,
                new PluginLoadFailure(
                    folder,
                    "no *.deps.json: not a plugin folder (build the plugin with EnableDynamicLoading)"
                )
            );
        }

        if (deps.Length > 1)
        {
            return (
                null,
                new PluginLoadFailure(
                    folder,
                    $"more than one *.deps.json ({string.Join(", ", deps.Select(Path.GetFileName))}); a plugin folder holds one plugin"
                )
            );
        }

        var assemblyPath = deps[0][..^".deps.json".Length] + ".dll";
        if (!File.Exists(assemblyPath))
        {
            return (null, new PluginLoadFailure(assemblyPath, "main assembly named by the deps file is missing"));
        }

        try
        {
            var loader = PluginLoader.CreateFromAssemblyFile(assemblyPath, SharedTypes, config =>
                config.PreferSharedTypes = true
            );
            var assembly = loader.LoadDefaultAssembly();
            var contractsReference = assembly
                .GetReferencedAssemblies()
                .FirstOrDefault(a => a.Name == typeof(IEpiiPlugin).Assembly.GetName().Name);
            if (contractsReference is null)
            {
                return (null, new PluginLoadFailure(assemblyPath, "does not reference LeeQ.Epii.Platform.Contracts"));
            }

            var entryTypes = assembly
                .GetExportedTypes()
                .Where(t => typeof(IEpiiPlugin).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
                .ToList();
            if (entryTypes.Count != 1)
            {
                return (
                    null,
                    new PluginLoadFailure(
                        assemblyPath,
                        $"must contain exactly one public IEpiiPlugin implementation, found {entryTypes.Count}"
                    )
                );
            }

            var entry = (IEpiiPlugin)Activator.CreateInstance(entryTypes[0])!;
            var manifest = entry.Manifest;
            if (!ContractVersion.IsCompatible(manifest.ContractVersion, out var reason))
            {
                return (null, new PluginLoadFailure(assemblyPath, $"plugin '{manifest.Id}' is incompatible: {reason}"));
            }

            if (contractsReference.Version is { } built && built.Major != ContractVersion.Current.Major)
            {
                return (
                    null,
                    new PluginLoadFailure(
                        assemblyPath,
                        $"plugin '{manifest.Id}' was built against Contracts {built}, host has {ContractVersion.Current}"
                    )
                );
            }

            if (loaded.FirstOrDefault(p => p.Manifest.Id == manifest.Id) is { } twin)
            {
                return (
                    null,
                    new PluginLoadFailure(
                        assemblyPath,
                        $"plugin id '{manifest.Id}' is already loaded from {twin.AssemblyPath}"
                    )
                );
            }

            return (new LoadedPlugin(folder, assemblyPath, assembly, entry), null);
        }
        catch (Exception ex)
            when (ex
                    is BadImageFormatException
                        or FileLoadException
                        or FileNotFoundException
                        or ReflectionTypeLoadException
                        or TypeLoadException
                        or TargetInvocationException
                        or MissingMethodException
                        or InvalidOperationException
            )
        {
            var inner = ex is TargetInvocationException { InnerException: { } i } ? i : ex;
            return (null, new PluginLoadFailure(assemblyPath, $"{inner.GetType().Name}: {inner.Message}"));
        }
    }
}
