using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Grpc.Core;
using Grpc.Net.Client;
using LeeQ.Epii.V1;

namespace LeeQ.Epii.Platform.Host.FunctionalTests.Infrastructure;

/// <summary>
/// The real <c>leeq-epii</c> executable run as a child process on a free loopback port, with its
/// plugins loaded from the folder beside it. Output is captured for assertions and diagnostics.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private HostProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        Channel = GrpcChannel.ForAddress(
            $"http://127.0.0.1:{port}",
            new GrpcChannelOptions { MaxReceiveMessageSize = 128 * 1024 * 1024 }
        );
        Client = new ExperimentPlatformService.ExperimentPlatformServiceClient(Channel);
    }

    public int Port { get; }

    public GrpcChannel Channel { get; }

    public ExperimentPlatformService.ExperimentPlatformServiceClient Client { get; }

    public string Output => string.Join(Environment.NewLine, _output);

    public bool HasExited => _process.HasExited;

    public int ProcessId => _process.Id;

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the host and waits until grpc.health.v1 (open even with API keys) says it serves.</summary>
    public static async Task<HostProcess> StartAsync(
        string configPath,
        IReadOnlyDictionary<string, string>? environment = null,
        params string[] extraArgs
    )
    {
        var port = FreePort();
        var info = CliProcess.CreateStartInfo(
            [
                "--config",
                configPath,
                "--port",
                port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                .. extraArgs,
            ],
            environment
        );
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the host");
        var host = new HostProcess(process, port);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                host._output.Enqueue(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                host._output.Enqueue(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"the host exited with {process.ExitCode} during start-up:{Environment.NewLine}{host.Output}"
                );
            }

            try
            {
                var health = await new Grpc.Health.V1.Health.HealthClient(host.Channel).CheckAsync(
                    new Grpc.Health.V1.HealthCheckRequest(),
                    deadline: DateTime.UtcNow.AddSeconds(2)
                );
                if (health.Status == Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return host;
                }
            }
            catch (RpcException)
            {
                await Task.Delay(100);
            }
        }

        await host.DisposeAsync();
        throw new TimeoutException($"the host did not answer within 60 s:{Environment.NewLine}{host.Output}");
    }

    /// <summary>Kills the process with SIGKILL, as a crash or an OOM kill would.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    /// <summary>Sends SIGTERM and waits for the exit code.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            CliProcess.Terminate(_process);
        }

        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        if (!_process.HasExited)
        {
            CliProcess.Terminate(_process);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }
}
