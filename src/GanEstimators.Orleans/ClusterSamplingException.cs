namespace GanEstimators.Orleans;

/// <summary>A cluster sample that could not be completed; the message names the shard and the cause.</summary>
public sealed class ClusterSamplingException : Exception
{
    /// <summary>An exception with no message.</summary>
    public ClusterSamplingException()
    {
    }

    /// <summary>An exception with a message.</summary>
    public ClusterSamplingException(string message) : base(message)
    {
    }

    /// <summary>An exception with a message and its cause.</summary>
    public ClusterSamplingException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
