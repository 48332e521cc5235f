namespace ProductQuality.Graph.Infrastructure.Http;

/// <summary>
/// The caller reset its connection while its request body was read: nobody is left to answer. Thrown as a
/// cancellation, since the request's own abort token may be cancelled only a moment later (Kestrel cancels it on the
/// thread pool).
/// </summary>
internal sealed class CallerLeftException(IOException reset)
    : OperationCanceledException("The caller reset its connection while its request body was read.", reset);
