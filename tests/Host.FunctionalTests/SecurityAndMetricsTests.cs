using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using LeeQ.Epii.Platform.Host.FunctionalTests.Infrastructure;
using LeeQ.Epii.V1;

namespace LeeQ.Epii.Platform.Host.FunctionalTests;

public sealed class SecurityAndMetricsTests
{
    private const string Key = "lab-42-correct-horse";

    [Fact]
    public async Task HashApiKey_PrintsSha256OfTheKeyReadFromStdin()
    {
        var info = CliProcess.CreateStartInfo(["--hash-api-key"]);
        using var process = System.Diagnostics.Process.Start(info)!;
        await process.StandardInput.WriteLineAsync(Key);
        process.StandardInput.Close();
        var output = (await process.StandardOutput.ReadToEndAsync()).Trim();
        await process.WaitForExitAsync();

        Assert.Equal(0, process.ExitCode);
        Assert.Equal(
            "sha256:" + Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Key))),
            output
        );
    }

    [Fact]
    public async Task ApiKeys_RequiredOnEveryServiceButHealth()
    {
        var hash = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Key)));
        using var config = new TempConfig("simulation_2q.json", d =>
            d["auth"] = new JsonObject { ["api_key_hashes"] = new JsonArray(hash) }
        );
        await using var host = await HostProcess.StartAsync(config.Path);

        var missing = await Assert.ThrowsAsync<RpcException>(() => host.Client.PingAsync(new Empty()).ResponseAsync);
        var wrong = await Assert.ThrowsAsync<RpcException>(() =>
            host.Client.PingAsync(new Empty(), new Metadata { { "x-api-key", "guess" } }).ResponseAsync
        );
        var right = await host.Client.PingAsync(new Empty(), new Metadata { { "x-api-key", Key } });
        var health = await new Health.HealthClient(host.Channel).CheckAsync(new HealthCheckRequest());

        Assert.Equal(StatusCode.Unauthenticated, missing.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, wrong.StatusCode);
        Assert.Equal("Pong from LeeQ EPII service", right.Message);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        Assert.DoesNotContain(Key, host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tls_ServesOverHttpsWithTheConfiguredCertificate()
    {
        using var config = new TempConfig("simulation_2q.json");
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", ecdsa, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(
            DateTimeOffset.UtcNow.AddDays(-1),
            DateTimeOffset.UtcNow.AddDays(1)
        );
        var certFile = Path.Combine(config.Directory, "server.crt");
        var keyFile = Path.Combine(config.Directory, "server.key");
        await File.WriteAllTextAsync(certFile, certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(keyFile, ecdsa.ExportPkcs8PrivateKeyPem());
        var document = JsonNode.Parse(await File.ReadAllTextAsync(config.Path))!.AsObject();
        document["tls"] = new JsonObject
        {
            ["enabled"] = true,
            ["cert_file"] = certFile,
            ["key_file"] = keyFile,
        };
        config.Write(document);

        var port = HostProcess.FreePort();
        var info = CliProcess.CreateStartInfo([
            "--config",
            config.Path,
            "--port",
            port.ToString(CultureInfo.InvariantCulture),
        ]);
        using var process = System.Diagnostics.Process.Start(info)!;
        try
        {
            using var handler = new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, presented, _, _) =>
                    presented?.Thumbprint == certificate.Thumbprint,
            };
            using var channel = GrpcChannel.ForAddress(
                $"https://127.0.0.1:{port}",
                new GrpcChannelOptions { HttpHandler = handler }
            );
            var client = new ExperimentPlatformService.ExperimentPlatformServiceClient(channel);
            PingResponse? reply = null;
            for (var attempt = 0; reply is null && attempt < 300; attempt++)
            {
                try
                {
                    reply = await client.PingAsync(new Empty(), deadline: DateTime.UtcNow.AddSeconds(2));
                }
                catch (RpcException) when (!process.HasExited)
                {
                    await Task.Delay(100);
                }
            }

            Assert.Equal("Pong from LeeQ EPII service", reply?.Message);
        }
        finally
        {
            CliProcess.Terminate(process);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Tls_MissingKeyFile_IsAValidationErrorNamingIt()
    {
        using var config = new TempConfig("simulation_2q.json", d => d["tls"] = new JsonObject
            {
                ["enabled"] = true,
                ["cert_file"] = "/nonexistent/server.crt",
                ["key_file"] = "/nonexistent/server.key",
            });

        var (code, stdout, _) = await CliProcess.RunAsync(["--config", config.Path, "--validate"]);

        Assert.Equal(1, code);
        Assert.Contains("$.tls.key_file", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_ExposeRequestsAndExperimentsInPrometheusFormat()
    {
        var metricsPort = HostProcess.FreePort();
        using var config = new TempConfig("simulation_2q.json", d =>
            d["metrics"] = new JsonObject { ["enabled"] = true, ["port"] = metricsPort }
        );
        await using var host = await HostProcess.StartAsync(config.Path);
        await host.Client.PingAsync(new Empty());
        await host.Client.RunExperimentAsync(
            new ExperimentRequest { ExperimentType = "t1", Parameters = { ["qubit"] = "q0", ["shots"] = "100" } }
        );

        using var http = new HttpClient();
        var text = await http.GetStringAsync(new Uri($"http://127.0.0.1:{metricsPort}/metrics"));

        Assert.Contains(
            "epii_requests_total{method=\"/epii.v1.ExperimentPlatformService/Ping\",status=\"ok\"}",
            text,
            StringComparison.Ordinal
        );
        Assert.Contains("epii_request_duration_seconds_count", text, StringComparison.Ordinal);
        Assert.Contains(
            "epii_experiments_total{experiment=\"characterizations.SimpleT1\",status=\"succeeded\"} 1",
            text,
            StringComparison.Ordinal
        );
        Assert.Contains("epii_active_connections", text, StringComparison.Ordinal);
    }
}
