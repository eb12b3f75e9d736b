namespace NotebookRunner.Engine.Kernel;

/// <summary>The kernel process ended before it could do what was asked (it never became ready).</summary>
public sealed class KernelExitedException(string message) : Exception(message);
