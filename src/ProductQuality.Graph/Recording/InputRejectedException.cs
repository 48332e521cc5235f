using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Recording;

/// <summary>
/// Every field error of one write, thrown once so that all are reported together and nothing is written.
/// </summary>
public sealed class InputRejectedException(IReadOnlyList<DomainException> errors) : Exception("The input was rejected.")
{
    public IReadOnlyList<DomainException> Errors { get; } = errors;
}
