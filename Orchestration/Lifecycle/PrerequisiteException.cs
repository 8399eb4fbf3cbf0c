namespace Orchestration.Lifecycle;

/// <summary>Something the model needs is missing; the message is one line that says how to fix it.</summary>
public sealed class PrerequisiteException(string message) : Exception(message);
