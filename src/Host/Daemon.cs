using System.Net;
using System.Runtime.InteropServices;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using LeeQ.Epii.Platform.Host.Cli;
using LeeQ.Epii.Platform.Host.Configuration;
using LeeQ.Epii.Platform.Host.Execution;
using LeeQ.Epii.Platform.Host.Logging;
using LeeQ.Epii.Platform.Host.Metrics;
using LeeQ.Epii.Platform.Host.Operations;
using LeeQ.Epii.Platform.Host.Parameters;
using LeeQ.Epii.Platform.Host.Plugins;
using LeeQ.Epii.Platform.Host.Security;
using LeeQ.Epii.Platform.Host.Services;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Prometheus;
using Serilog;
using Serilog.Core;

namespace LeeQ.Epii.Platform.Host;

/// <summary>Composes and runs the gRPC server for a validated setup.</summary>
internal static class Daemon
{
    public static WebApplication Build(
        SetupDefinition setup,
        PluginCatalog catalog,
        CommandLineOptions options,
        Logger serilog
    )
    {
        var settings = setup.Settings!;
        var builder = WebApplication.CreateSlimBuilder(
            new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory }
        );
        builder.Services.AddSerilog(serilog, dispose: false);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ServerStopAfter(settings.ShutdownGrace));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var address = settings.BindAddress switch
            {
                "::" => IPAddress.IPv6Any,
                "0.0.0.0" => IPAddress.Any,
                var a => IPAddress.Parse(a),
            };
            kestrel.Listen(address, settings.Port, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                listen.Use(next =>
                    async connection =>
                    {
                        EpiiMetrics.ActiveConnections.Inc();
                        try
                        {
                            await next(connection).ConfigureAwait(false);
                        }
                        finally
                        {
                            EpiiMetrics.ActiveConnections.Dec();
                        }
                    }
                );
                if (settings.TlsEnabled)
                {
                    listen.UseHttps(X509Certificate2.CreateFromPemFile(settings.TlsCertFile!, settings.TlsKeyFile!));
                }
            });
            if (settings.MetricsEnabled)
            {
                kestrel.Listen(IPAddress.Parse(settings.MetricsBindAddress), settings.MetricsPort, listen =>
                    listen.Protocols = HttpProtocols.Http1
                );
            }

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
            grpc.Interceptors.Add<RequestMetricsInterceptor>();
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
        app.UseMiddleware<ApiKeyAuthenticationMiddleware>();
        app.MapGrpcService<ExperimentPlatformServiceImpl>();
        app.MapGrpcService<RunServiceImpl>();
        app.MapGrpcReflectionService();
        app.MapGrpcHealthChecksService();
        if (settings.MetricsEnabled)
        {
            app.MapMetrics("/metrics")
                .RequireHost($"*:{settings.MetricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }

        foreach (var serviceType in catalog.Plugins.SelectMany(p => p.Entry.GrpcServices))
        {
            MapPluginService(app, serviceType);
        }

        return app;
    }

    /// <summary>
    /// Builds the setup, checks the machine, takes the PID file, serves until SIGTERM or SIGINT,
    /// then stops within the grace: new calls are refused, calls in flight may finish, runs still
    /// going shortly before the grace ends are cancelled and recorded as such.
    /// </summary>
    public static async Task<int> RunAsync(
        WebApplication app,
        SetupDefinition setup,
        CommandLineOptions options,
        ConfigReloader reloader,
        Microsoft.Extensions.Logging.ILogger logger
    )
    {
        var settings = setup.Settings!;
        var runtime = app.Services.GetRequiredService<SetupRuntime>();
        if (!RunStartupChecks(options, settings, runtime.StateDirectory, logger))
        {
            return 1;
        }

        using var pidFile = PidFile.TryAcquire(
            options.PidFile ?? PidFile.DefaultPath(settings.SetupName),
            out var pidError,
            out var staleNote
        );
        if (pidFile is null)
        {
            HostLog.StartupFailed(logger, pidError!);
            return 1;
        }

        if (staleNote is not null)
        {
            HostLog.StalePidFile(logger, staleNote);
        }

        try
        {
            await runtime.InitializeAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
            when (ex
                    is InvalidOperationException
                        or ArgumentException
                        or IOException
                        or Storage.StoreUnavailableException
            )
        {
            HostLog.StartupFailed(logger, $"the setup could not be built: {ex.Message}");
            await runtime.DisposeAsync().ConfigureAwait(false);
            return 1;
        }

        var coordinator = app.Services.GetRequiredService<RunCoordinator>();
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        using var graceTimer = new CancellationTokenSource();
        var graceEnds = DateTime.MaxValue;
        lifetime.ApplicationStopping.Register(() =>
        {
            graceEnds = DateTime.UtcNow + settings.ShutdownGrace;
            HostLog.Stopping(logger, coordinator.InFlight, settings.ShutdownGrace.TotalSeconds);
            SystemdNotifier.Notify("STOPPING=1");
            _ = Task.Delay(CancelRunsAfter(settings.ShutdownGrace), graceTimer.Token)
                .ContinueWith(
                    _ => coordinator.CancelAll(),
                    CancellationToken.None,
                    TaskContinuationOptions.OnlyOnRanToCompletion,
                    TaskScheduler.Default
                );
        });
        using var hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
        {
            context.Cancel = true;
            _ = reloader.ReloadAsync();
        });

        try
        {
            await app.StartAsync().ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            HostLog.StartupFailed(
                logger,
                $"cannot listen on {settings.BindAddress} port {settings.Port}: {ex.Message}"
            );
            await runtime.DisposeAsync().ConfigureAwait(false);
            return 1;
        }

        HostLog.Listening(logger, settings.BindAddress, settings.Port);
        SystemdNotifier.Notify(
            string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"READY=1\nMAINPID={Environment.ProcessId}\nSTATUS=Serving setup '{settings.SetupName}' on port {settings.Port}"
            )
        );
        if (settings.MetricsEnabled)
        {
            HostLog.MetricsListening(logger, settings.MetricsBindAddress, settings.MetricsPort);
        }

        await app.WaitForShutdownAsync().ConfigureAwait(false);
        await graceTimer.CancelAsync().ConfigureAwait(false);
        coordinator.CancelAll();
        while (coordinator.InFlight > 0 && DateTime.UtcNow < graceEnds - TimeSpan.FromSeconds(1))
        {
            await Task.Delay(50).ConfigureAwait(false);
        }

        coordinator.RecordUnfinishedAsCancelled();

        await runtime.DisposeAsync().ConfigureAwait(false);
        HostLog.Stopped(logger, coordinator.CancelledAtShutdown);
        return 0;
    }

    /// <summary>
    /// The stop timeline within the grace G: runs still going at G − min(5 s, G/2) are cancelled;
    /// the server stops waiting for calls at G − min(4 s, 0.4·G); what is left records the runs
    /// cut short and exits, so the daemon is gone before the grace (and systemd's stop timeout) ends.
    /// </summary>
    internal static TimeSpan CancelRunsAfter(TimeSpan grace) =>
        grace - TimeSpan.FromSeconds(Math.Min(5.0, grace.TotalSeconds / 2));

    /// <summary>See <see cref="CancelRunsAfter"/>.</summary>
    internal static TimeSpan ServerStopAfter(TimeSpan grace) =>
        grace - TimeSpan.FromSeconds(Math.Min(4.0, grace.TotalSeconds * 0.4));

    private static bool RunStartupChecks(
        CommandLineOptions options,
        HostSettings settings,
        string stateDirectory,
        Microsoft.Extensions.Logging.ILogger logger
    )
    {
        if (options.NoHealthChecks)
        {
            HostLog.StartupChecksSkipped(logger);
            return true;
        }

        var checks = new[]
        {
            HealthChecks.PortFree(settings),
            HealthChecks.Disk(stateDirectory),
            HealthChecks.Memory(),
            HealthChecks.StateWritable(stateDirectory),
        };
        foreach (var check in checks)
        {
            HostLog.StartupCheck(logger, check.ToString());
        }

        var failed = checks.Where(c => !c.Passed).ToList();
        if (failed.Count > 0)
        {
            HostLog.StartupFailed(
                logger,
                $"start-up checks failed: {string.Join("; ", failed)} (--no-health-checks skips them)"
            );
            return false;
        }

        return true;
    }

    private static void MapPluginService(WebApplication app, Type serviceType)
    {
        var method = typeof(GrpcEndpointRouteBuilderExtensions)
            .GetMethods()
            .Single(m =>
                m.Name == nameof(GrpcEndpointRouteBuilderExtensions.MapGrpcService)
                && m.IsGenericMethodDefinition
                && m.GetParameters().Length == 1
            )
            .MakeGenericMethod(serviceType);
        method.Invoke(null, [app]);
    }
}
