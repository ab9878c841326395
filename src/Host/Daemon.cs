using System.Net;
using System.Text.Json.Nodes;
using LeeQ.Epii.Platform.Host.Cli;
using LeeQ.Epii.Platform.Host.Configuration;
using LeeQ.Epii.Platform.Host.Execution;
using LeeQ.Epii.Platform.Host.Logging;
using LeeQ.Epii.Platform.Host.Parameters;
using LeeQ.Epii.Platform.Host.Plugins;
using LeeQ.Epii.Platform.Host.Services;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Serilog;
using Serilog.Core;

namespace LeeQ.Epii.Platform.Host;

/// <summary>Composes and runs the gRPC server for a validated setup.</summary>
internal static class Daemon
{
    public static WebApplication Build(SetupDefinition setup, PluginCatalog catalog, CommandLineOptions options, Logger serilog)
    {
        var settings = setup.Settings!;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddSerilog(serilog, dispose: false);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = settings.ShutdownGrace);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var address = settings.BindAddress switch
            {
                "::" => IPAddress.IPv6Any,
                "0.0.0.0" => IPAddress.Any,
                var a => IPAddress.Parse(a),
            };
            kestrel.Listen(address, settings.Port, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Limits.Http2.MaxStreamsPerConnection = Math.Max(1, settings.MaxWorkers);
            if (settings.KeepAliveTime is { } ping)
            {
                kestrel.Limits.Http2.KeepAlivePingDelay = ping;
            }

            if (settings.KeepAliveTimeout is { } pingTimeout)
            {
                kestrel.Limits.Http2.KeepAlivePingTimeout = pingTimeout;
            }
        });

        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = settings.MaxMessageSize;
            grpc.MaxSendMessageSize = settings.MaxMessageSize;
            grpc.EnableDetailedErrors = false;
            if (options.DebugGrpc)
            {
                grpc.Interceptors.Add<CallLoggingInterceptor>();
            }
        });
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks().AddCheck<BackendHealthCheck>("backend");
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<JsonObject>(setup.Document!);
        builder.Services.AddSingleton<ParameterRegistry>();
        builder.Services.AddSingleton(sp => new ExperimentCatalog(sp.GetServices<Contracts.Experiments.IExperiment>()));
        builder.Services.AddSingleton<SetupRuntime>();
        builder.Services.AddSingleton<RunCoordinator>();
        builder.Services.AddPluginContributions(catalog);

        var app = builder.Build();
        app.MapGrpcService<ExperimentPlatformServiceImpl>();
        app.MapGrpcService<RunServiceImpl>();
        app.MapGrpcReflectionService();
        app.MapGrpcHealthChecksService();
        foreach (var serviceType in catalog.Plugins.SelectMany(p => p.Entry.GrpcServices))
        {
            MapPluginService(app, serviceType);
        }

        return app;
    }

    public static async Task<int> RunAsync(WebApplication app, HostSettings settings, Microsoft.Extensions.Logging.ILogger logger)
    {
        var runtime = app.Services.GetRequiredService<SetupRuntime>();
        try
        {
            await runtime.InitializeAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IOException or Storage.StoreUnavailableException)
        {
            HostLog.StartupFailed(logger, $"the setup could not be built: {ex.Message}");
            return 1;
        }

        var coordinator = app.Services.GetRequiredService<RunCoordinator>();
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        lifetime.ApplicationStopping.Register(() =>
        {
            HostLog.Stopping(logger, coordinator.InFlight, settings.ShutdownGrace.TotalSeconds);
        });

        try
        {
            await app.StartAsync().ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            HostLog.StartupFailed(logger, $"cannot listen on {settings.BindAddress} port {settings.Port}: {ex.Message}");
            return 1;
        }

        HostLog.Listening(logger, settings.BindAddress, settings.Port);
        await app.WaitForShutdownAsync().ConfigureAwait(false);
        coordinator.CancelAll();
        await runtime.DisposeAsync().ConfigureAwait(false);
        return 0;
    }

    private static void MapPluginService(WebApplication app, Type serviceType)
    {
        var method = typeof(GrpcEndpointRouteBuilderExtensions).GetMethods()
            .Single(m => m.Name == nameof(GrpcEndpointRouteBuilderExtensions.MapGrpcService) && m.IsGenericMethodDefinition && m.GetParameters().Length == 1)
            .MakeGenericMethod(serviceType);
        method.Invoke(null, [app]);
    }
}
