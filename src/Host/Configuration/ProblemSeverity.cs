namespace LeeQ.Epii.Platform.Host.Configuration;

/// <summary>How serious a configuration problem is.</summary>
internal enum ProblemSeverity
{
    /// <summary>The setup cannot start.</summary>
    Error,

    /// <summary>The setup starts, but something was mapped or ignored.</summary>
    Warning,
}
