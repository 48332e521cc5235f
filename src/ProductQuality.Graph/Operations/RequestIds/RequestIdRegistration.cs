using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ProductQuality.Graph.Operations.RequestIds;

/// <summary>One request id per request: adopted or generated when the request arrives, answered in a header.</summary>
internal static class RequestIdRegistration
{
    public static void AddRequestIds(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<IHttpContextFactory, RequestIdContextFactory>());
        // The GraphQL error provider and the database-time interceptor find the request through it.
        services.AddHttpContextAccessor();
    }

    /// <summary>
    /// Every answer carries <c>X-Request-Id</c>, set when the response starts so that a handler clearing the response
    /// (the last-resort 500) cannot drop it.
    /// </summary>
    public static void UseRequestIdHeader(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            http.Response.OnStarting(static state =>
            {
                var context = (HttpContext)state;
                context.Response.Headers[IncomingRequestId.Header] = context.TraceIdentifier;
                return Task.CompletedTask;
            }, http);
            return next(http);
        });
}
