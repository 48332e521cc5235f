using Microsoft.Extensions.Options;

namespace ProductQuality.Graph.Infrastructure.Http;

/// <summary>
/// CORS for the GraphQL endpoint and the contract download, from <see cref="CrossOriginOptions"/>: ASP.NET Core's
/// own middleware answers preflights and adds the headers; the origins are checked at start (exit code 3).
/// </summary>
internal static class CrossOrigin
{
    /// <summary>
    /// The headers a page of an allowed origin may send. A browser refuses the whole request, with no readable error,
    /// when its preflight names one not listed, so beside ours this lists what common browser clients add on their
    /// own: Apollo Client's name and version and its CSRF marker, W3C trace context and baggage, Sentry's trace.
    /// </summary>
    internal static readonly string[] RequestHeaders =
    [
        "Authorization", "Content-Type", "Accept", "X-Purpose", "X-Request-Id",
        "traceparent", "tracestate", "baggage", "sentry-trace",
        "apollographql-client-name", "apollographql-client-version", "apollo-require-preflight",
    ];

    public static void AddCrossOrigin(this IHostApplicationBuilder builder)
    {
        builder.AddCheckedOptions<CrossOriginOptions>(CrossOriginOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<CrossOriginOptions>, Validation>();
        builder.Services.AddCors();
        builder.Services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>()
            .Configure<IOptions<CrossOriginOptions>>((cors, options) => cors.AddDefaultPolicy(policy =>
            {
                var origins = options.Value.AllowedOrigins;
                if (origins.Contains("*"))
                {
                    policy.AllowAnyOrigin();
                }
                else
                {
                    policy.WithOrigins([.. origins]);
                }

                policy.WithMethods(HttpMethods.Get, HttpMethods.Post)
                    .WithHeaders(RequestHeaders)
                    .WithExposedHeaders("Retry-After", "WWW-Authenticate", "Content-Disposition",
                        "X-Request-Id")
                    .SetPreflightMaxAge(TimeSpan.FromSeconds(options.Value.PreflightMaxAgeSeconds));
            }));
    }

    private sealed class Validation : IValidateOptions<CrossOriginOptions>
    {
        public ValidateOptionsResult Validate(string? name, CrossOriginOptions options)
        {
            var problems = options.AllowedOrigins.Where(o => !IsOrigin(o)).Select(o =>
                $"Setting {CrossOriginOptions.Section}:AllowedOrigins has '{o}', which is not an origin: " +
                "give scheme, host and optional port such as https://credit.example.gov.cn (no path or trailing " +
                "slash), or *.").ToList();
            if (options.PreflightMaxAgeSeconds is < 0 or > 86_400)
            {
                problems.Add($"Setting {CrossOriginOptions.Section}:PreflightMaxAgeSeconds is " +
                    $"{options.PreflightMaxAgeSeconds}, which is not allowed: between 0 and 86400.");
            }

            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }

    private static bool IsOrigin(string origin) =>
        origin == "*"
        || (Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https"
            && uri.GetLeftPart(UriPartial.Authority) == origin);
}
