namespace LeeQ.Epii.Platform.Host.Storage;

/// <summary>The state store cannot be opened or written; start-up stops rather than replace it.</summary>
internal sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
