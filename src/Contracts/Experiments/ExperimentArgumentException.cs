namespace LeeQ.Epii.Platform.Contracts.Experiments;

/// <summary>
/// An argument combination the experiment cannot run with (for example stop ≤ start). The host
/// answers INVALID_ARGUMENT with the message, which must name the argument and the problem.
/// </summary>
public sealed class ExperimentArgumentException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ExperimentArgumentException(string argument, string message)
        : base($"{argument}: {message}")
    {
        Argument = argument;
    }

    /// <summary>The argument at fault.</summary>
    public string Argument { get; }
}
