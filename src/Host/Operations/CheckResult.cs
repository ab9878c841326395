namespace LeeQ.Epii.Platform.Host.Operations;

/// <summary>One health check: its name, whether it passed, and why.</summary>
internal sealed record CheckResult(string Name, bool Passed, string Detail)
{
    public override string ToString() => $"{(Passed ? "PASS" : "FAIL")} {Name}: {Detail}";
}
