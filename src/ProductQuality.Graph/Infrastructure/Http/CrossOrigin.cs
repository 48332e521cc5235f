using Microsoft.Extensions.Options;

namespace ProductQuality.Graph.Infrastructure.Http;

/// <summary>
/// CORS for the GraphQL endpoint and the contract download, from <see cref="CrossOriginOptions"/>: ASP.NET Core's
/// own middleware answers preflights and adds the headers; the origins are checked at start (exit code 3).
/// </summary>
internal static class CrossOrigin
{
    public static void AddCrossOrigin(this IHostApplicationBuilder builder)
    {
        builder.AddCheckedOptions<CrossOriginOptions>(CrossOriginOptions.Section)
            .Validate(o => o.AllowedOrigins.All(IsOrigin), "GraphQL:Cors:AllowedOrigins takes origins such as " +
                "https://credit.example.gov.cn (scheme, host and optional port, no path or trailing slash) or *.")
            .Validate(o => o.PreflightMaxAgeSeconds is >= 0 and <= 86_400,
                "GraphQL:Cors:PreflightMaxAgeSeconds must be between 0 and 86400.")
            .ValidateOnStart();
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
                    .WithHeaders("Authorization", "Content-Type", "Accept", "X-Purpose")
                    .WithExposedHeaders("Retry-After", "WWW-Authenticate", "Content-Disposition")
                    .SetPreflightMaxAge(TimeSpan.FromSeconds(options.Value.PreflightMaxAgeSeconds));
            }));
    }

    private static bool IsOrigin(string origin) =>
        origin == "*"
        || (Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https"
            && uri.GetLeftPart(UriPartial.Authority) == origin);
}
