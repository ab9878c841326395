namespace LeeQ.Epii.Platform.Host.Execution;

/// <summary>The experiment queue is at capacity.</summary>
internal sealed class QueueFullException(int capacity)
    : Exception($"the experiment queue is full ({capacity} running or waiting); retry later")
{
    public int Capacity { get; } = capacity;
}
