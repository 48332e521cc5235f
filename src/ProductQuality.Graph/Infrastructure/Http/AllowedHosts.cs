using System.Text.RegularExpressions;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace ProductQuality.Graph.Infrastructure.Http;

/// <summary>
/// The <c>AllowedHosts</c> setting, applied by the server instead of ASP.NET Core's host filtering: a request under
/// a name not listed is refused with the JSON error every answer has (400 <c>HOST_NOT_ALLOWED</c>), and the health
/// probes and the metrics scrape are exempt. Orchestrators and Prometheus address a server by its IP: under the
/// framework's filter, set as appsettings.example.json advises for production, they got an HTML 400 ("Invalid
/// Hostname"), so liveness failed, the server was restarted in a loop and readiness never passed (the ops probe). The
/// list is checked at start: a URL where a name belongs refused every request.
/// </summary>
internal static partial class AllowedHosts
{
    private const string Setting = "AllowedHosts";

    public static void AddAllowedHosts(this IHostApplicationBuilder builder)
    {
        // The framework's filter reads the same setting; told to allow any name, it leaves the work to ours.
        builder.Services.PostConfigure<HostFilteringOptions>(options => options.AllowedHosts = ["*"]);
        builder.Services.AddOptions<List>()
            .Configure<IConfiguration>((list, configuration) => list.Text = configuration[Setting])
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<List>, Validation>();
    }

    /// <summary>
    /// Early in the pipeline, after the request id (the refusal carries it). <paramref name="exempt"/>: the paths
    /// answered under any name.
    /// </summary>
    public static void UseAllowedHosts(this WebApplication app, Func<PathString, bool> exempt)
    {
        var patterns = Patterns(app.Services.GetRequiredService<IOptions<List>>().Value.Text);
        if (patterns is null)
        {
            return;
        }

        // A GraphQL request refused here is refused at the door, and logged as every such request is (the ops
        // probe: these, the DNS-rebinding attempts the setting stops, left no entry).
        var graphQL = app.Services.GetRequiredService<IOptions<GraphQLHttpOptions>>().Value.Path;
        var log = app.Services.GetRequiredService<Audit.AccessLogging>();
        app.Use((http, next) =>
        {
            var host = http.Request.Host;
            // A request without a name (HTTP/1.0) passes, as under the framework's filter (AllowEmptyHosts).
            if (!host.HasValue || HostString.MatchesAny(new StringSegment(host.Host), patterns)
                || exempt(http.Request.Path))
            {
                return next(http);
            }

            return http.Request.Path.Equals(graphQL, StringComparison.OrdinalIgnoreCase)
                ? log.RunAsync(http, RefuseAsync)
                : RefuseAsync(http);
        });
    }

    private static Task RefuseAsync(HttpContext http) => TransportErrorWriter.WriteAsync(http, new RequestError(
        StatusCodes.Status400BadRequest, "HOST_NOT_ALLOWED", $"This server does not answer to the name "
        + $"'{Quoted.Start(http.Request.Host.Host)}' (setting AllowedHosts): use its public name."),
        MediaTypes.Negotiate(http.Request) ?? MediaTypes.Json);

    /// <summary>The names to match; null for any name ("*", or no setting).</summary>
    private static StringSegment[]? Patterns(string? text)
    {
        var entries = Entries(text);
        return entries.Length == 0 || entries.Contains("*") ? null : [.. entries.Select(e => new StringSegment(e))];
    }

    private static string[] Entries(string? text) =>
        (text ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    internal static string? Problem(string? text) =>
        Entries(text).FirstOrDefault(e => e != "*" && !HostPattern().IsMatch(e)) is { } bad
            ? $"Setting {Setting} has '{Quoted.Start(bad)}', which is no host name: list the names this server answers "
                + "to, separated by ';' (e.g. graph.example.gov.cn;*.example.gov.cn), without scheme, port or path, "
                + "or '*' for any."
            : null;

    // A name or an IPv4 address, optionally under a "*." wildcard, or an IPv6 address in brackets.
    [GeneratedRegex(@"^((\*\.)?([A-Za-z0-9-]+\.)*[A-Za-z0-9-]+|\[[0-9A-Fa-f:.]+\])$", RegexOptions.CultureInvariant)]
    private static partial Regex HostPattern();

    /// <summary>The setting's text, as an options object the start-up checks can validate.</summary>
    internal sealed class List
    {
        public string? Text { get; set; }
    }

    private sealed class Validation : IValidateOptions<List>
    {
        public ValidateOptionsResult Validate(string? name, List options) =>
            Problem(options.Text) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
