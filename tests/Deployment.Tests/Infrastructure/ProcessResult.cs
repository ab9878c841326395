namespace LeeQ.Epii.Platform.Deployment.Tests.Infrastructure;

/// <summary>What a finished process left: its exit code and both output streams.</summary>
public sealed record ProcessResult(int ExitCode, string StdOut, string StdErr)
{
    public string Output => StdOut + StdErr;

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{StdOut}\n--- stderr ---\n{StdErr}";
}
