using System.Text.Json;
using Microsoft.Extensions.Options;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Access.Tokens;
using ProductQuality.Graph.Infrastructure.Http;

namespace ProductQuality.Graph.Explorer;

/// <summary>
/// <c>POST {path}/ide/sign-in {"department": "finance"}</c>: the IDE's department picker, which mints the same
/// development token as the <c>token</c> verb. Mapped only in the Development environment while tokens are signed
/// with the development key: with a real identity provider, or in any other environment, the route does not exist.
/// </summary>
internal static class DevelopmentSignIn
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    public static bool IsAvailable(IServiceProvider services, IHostEnvironment environment) =>
        environment.IsDevelopment() && services.GetRequiredService<IOptions<TokenOptions>>().Value.IsDevelopmentMode;

    public static async Task HandleAsync(HttpContext http, AccessPolicy policy, DevelopmentTokenIssuer issuer)
    {
        if (!IsAddressOrLocalhost(http.Request.Host.Host))
        {
            // DNS rebinding: a site whose name is made to point at the developer's machine is the same origin as
            // the server for the browser, and its page would mint itself any department's token. A developer
            // reaches a development server at localhost or an address, under which no site can be.
            await TransportErrorWriter.WriteAsync(http, new RequestError(StatusCodes.Status403Forbidden,
                "SIGN_IN_HOST_NOT_ALLOWED", "The development sign-in answers only at localhost or an IP address: "
                + "open the IDE there, or make a token with the 'token' verb."), MediaTypes.Json);
            return;
        }

        if (MediaTypes.BodyCodingRefusal(http.Request) is { } encoded)
        {
            await TransportErrorWriter.WriteAsync(http, encoded, MediaTypes.Json);
            return;
        }

        string? department = null;
        if (MediaTypes.IsJsonContent(http.Request))
        {
            try
            {
                var body = await http.Request.ReadFromJsonAsync<SignInRequest>(http.RequestAborted);
                department = body?.Department;
            }
            catch (JsonException)
            {
                // Answered below like a missing department: the body is not the object the IDE sends.
            }
            catch (BadHttpRequestException ex)
            {
                // Kestrel could not read the body (too slow, cut short, broken chunks): the client's doing, as at the
                // endpoint. It reached the developer exception page, stack trace and all (the wire probe).
                await TransportErrorWriter.WriteAsync(http, GraphQLRequestReader.Unreadable(ex), MediaTypes.Json);
                return;
            }
            catch (IOException ex)
            {
                if (!GraphQLRequestReader.CallerLeft(http, ex))
                {
                    await TransportErrorWriter.WriteAsync(http, GraphQLRequestReader.BrokenBody, MediaTypes.Json);
                }

                return;
            }
        }

        if (department is null || policy.ForDepartment(department) is null)
        {
            await TransportErrorWriter.WriteAsync(http, new RequestError(StatusCodes.Status400BadRequest,
                "UNKNOWN_DEPARTMENT", "POST {\"department\": \"<id>\"} as application/json with one of: " +
                string.Join(", ", policy.Departments.Order(StringComparer.Ordinal)) + "."), MediaTypes.Json);
            return;
        }

        http.Response.Headers.CacheControl = "no-store";
        var token = issuer.Issue(department, $"ide-{department}", Lifetime);
        await http.Response.WriteAsJsonAsync(new SignInAnswer(department, token), http.RequestAborted);
    }

    private static bool IsAddressOrLocalhost(string host) =>
        IsAddressOrLocalhostName(host.TrimEnd('.'));   // "localhost." is the same name, fully qualified

    private static bool IsAddressOrLocalhostName(string host) =>
        System.Net.IPAddress.TryParse(host.Trim('[', ']'), out _)
        || host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);   // loopback by RFC 6761

    private sealed record SignInRequest(string? Department);

    private sealed record SignInAnswer(string Department, string Token);
}
