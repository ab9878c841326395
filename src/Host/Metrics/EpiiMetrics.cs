using Prometheus;

namespace LeeQ.Epii.Platform.Host.Metrics;

/// <summary>
/// The daemon's Prometheus metrics: the operations guide's request counter and duration
/// histogram, plus experiments, queue and connections. Collected into the library's default
/// registry and exposed at /metrics on the metrics port.
/// </summary>
internal static class EpiiMetrics
{
    public static readonly Counter Requests = Prometheus.Metrics.CreateCounter(
        "epii_requests_total",
        "gRPC calls by method and outcome (status is ok or error).",
        new CounterConfiguration { LabelNames = ["method", "status"] }
    );

    public static readonly Histogram RequestDuration = Prometheus.Metrics.CreateHistogram(
        "epii_request_duration_seconds",
        "gRPC call duration.",
        new HistogramConfiguration { LabelNames = ["method"], Buckets = Histogram.ExponentialBuckets(0.001, 2, 18) }
    );

    public static readonly Counter Experiments = Prometheus.Metrics.CreateCounter(
        "epii_experiments_total",
        "Finished experiment runs by experiment and final status.",
        new CounterConfiguration { LabelNames = ["experiment", "status"] }
    );

    public static readonly Histogram ExperimentDuration = Prometheus.Metrics.CreateHistogram(
        "epii_experiment_duration_seconds",
        "Experiment run duration, queueing excluded.",
        new HistogramConfiguration { LabelNames = ["experiment"], Buckets = Histogram.ExponentialBuckets(0.01, 2, 16) }
    );

    public static readonly Gauge ExperimentsInFlight = Prometheus.Metrics.CreateGauge(
        "epii_experiments_in_flight",
        "Experiments running or waiting in the queue."
    );

    public static readonly Gauge ActiveConnections = Prometheus.Metrics.CreateGauge(
        "epii_active_connections",
        "Open client connections to the gRPC port."
    );
}
