// Measures experiments through the running service: the Release host is started as a real
// process on a loopback port, and each case reports the server's execution_time_seconds (run
// time inside the daemon, fit included) and the client's round trip. Run on demand:
//
//     dotnet run -c Release --project benchmarks/Service.Benchmarks [-- --runs N]
//
// Results go to standard output as a Markdown table for docs/performance.md.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using Grpc.Core;
using Grpc.Net.Client;
using LeeQ.Epii.V1;

var runs = args.Length == 2 && args[0] == "--runs" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
string Metadata(string key) =>
    typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
var hostDll = Path.Combine(Metadata("HostOutputDirectory"), "leeq-epii.dll");
var config = Path.Combine(Metadata("RepositoryRoot"), "configs", "epii", "simulation_2q.json");

int port;
using (var probe = new TcpListener(IPAddress.Loopback, 0))
{
    probe.Start();
    port = ((IPEndPoint)probe.LocalEndpoint).Port;
}

var state = Directory.CreateTempSubdirectory("leeq-epii-bench-").FullName;
var info = new ProcessStartInfo("dotnet")
{
    RedirectStandardOutput = true,
    RedirectStandardError = true,
    UseShellExecute = false,
};
foreach (
    var arg in new[]
    {
        hostDll,
        "--config",
        config,
        "--port",
        port.ToString(CultureInfo.InvariantCulture),
        "--log-level",
        "WARNING",
    }
)
{
    info.ArgumentList.Add(arg);
}

info.Environment["XDG_STATE_HOME"] = state;
info.Environment["RUNTIME_DIRECTORY"] = state;
using var host = Process.Start(info)!;
host.OutputDataReceived += (_, _) => { };
host.ErrorDataReceived += (_, _) => { };
host.BeginOutputReadLine();
host.BeginErrorReadLine();
try
{
    using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
    var client = new ExperimentPlatformService.ExperimentPlatformServiceClient(channel);
    for (var attempt = 0; ; attempt++)
    {
        try
        {
            await client.PingAsync(new Empty(), deadline: DateTime.UtcNow.AddSeconds(2));
            break;
        }
        catch (RpcException) when (attempt < 300)
        {
            await Task.Delay(100);
        }
    }

    var cases = new (string Name, string Target, ExperimentRequest Request)[]
    {
        (
            "101-point Rabi, 1 qubit, 1000 shots, fit",
            "≤ 20 ms",
            Request(
                "rabi",
                ("dut_qubit", "q0"),
                ("start", "0.002"),
                ("stop", "0.204"),
                ("step", "0.002"),
                ("shots", "1000"),
                ("update", "false")
            )
        ),
        (
            "101-point T1, 1000 shots, fit",
            "–",
            Request("t1", ("qubit", "q0"), ("time_length", "101"), ("time_resolution", "1"), ("shots", "1000"))
        ),
        (
            "Rabi with default sweep (145 points, 2000 shots)",
            "–",
            Request("rabi", ("dut_qubit", "q0"), ("update", "false"))
        ),
        (
            "Rabi, 101 points, 1000 shots, with plots",
            "–",
            Request(
                "rabi",
                ("dut_qubit", "q0"),
                ("start", "0.002"),
                ("stop", "0.204"),
                ("step", "0.002"),
                ("shots", "1000"),
                ("update", "false")
            )
        ),
        ("Ping", "–", null!),
    };
    cases[3].Request.ReturnPlots = true;

    Console.WriteLine($"| Case | Target | Server median | Server best | Round trip median | Runs |");
    Console.WriteLine($"|---|---|---|---|---|---|");
    foreach (var (name, target, request) in cases)
    {
        var server = new List<double>();
        var roundTrip = new List<double>();
        for (var i = 0; i < runs + 3; i++)
        {
            var watch = Stopwatch.StartNew();
            double serverSeconds;
            if (request is null)
            {
                await client.PingAsync(new Empty());
                serverSeconds = double.NaN;
            }
            else
            {
                var response = await client.RunExperimentAsync(request);
                serverSeconds = response.ExecutionTimeSeconds;
            }

            if (i >= 3)
            {
                server.Add(serverSeconds * 1000);
                roundTrip.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"| {name} | {target} | {Median(server):0.00} ms | {server.Min():0.00} ms | {Median(roundTrip):0.00} ms | {runs} |"
            )
        );
    }
}
finally
{
    host.Kill();
    await host.WaitForExitAsync();
    Directory.Delete(state, recursive: true);
}

static ExperimentRequest Request(string experiment, params (string Key, string Value)[] parameters)
{
    var request = new ExperimentRequest { ExperimentType = experiment };
    foreach (var (key, value) in parameters)
    {
        request.Parameters[key] = value;
    }

    return request;
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];
}
