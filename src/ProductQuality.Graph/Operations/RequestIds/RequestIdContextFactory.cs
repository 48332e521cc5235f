using Microsoft.AspNetCore.Http.Features;

namespace ProductQuality.Graph.Operations.RequestIds;

/// <summary>
/// Adopts an acceptable incoming request id (<see cref="IncomingRequestId"/>) as
/// <see cref="HttpContext.TraceIdentifier"/> the moment the request's context is made. Why here and not in a
/// middleware: ASP.NET Core's hosting layer opens the request's log scope (<c>RequestId</c>) and starts its activity
/// right after this, before any middleware runs; an id changed later would leave the framework's log lines under the
/// old id and ours under the new one. Everything — logs, error bodies, the <c>X-Request-Id</c> header, the access
/// log — reads <c>TraceIdentifier</c>.
/// </summary>
internal sealed class RequestIdContextFactory(IServiceProvider services) : IHttpContextFactory
{
    private readonly DefaultHttpContextFactory _inner = new(services);

    public HttpContext Create(IFeatureCollection featureCollection)
    {
        var context = _inner.Create(featureCollection);
        if (IncomingRequestId.Accept(context.Request.Headers) is { } id)
        {
            context.TraceIdentifier = id;
        }

        return context;
    }

    public void Dispose(HttpContext httpContext) => _inner.Dispose(httpContext);
}
