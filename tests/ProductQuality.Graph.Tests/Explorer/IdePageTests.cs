using System.Net;
using System.Text.RegularExpressions;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Explorer;

/// <summary>
/// The IDE is served by the server itself: a browser asking <c>/graphql</c> for HTML gets the page, every file the
/// page loads is on this server, and nothing in those files reaches for the internet (government networks often
/// have none, and this is the page where tokens are pasted).
/// </summary>
[Collection(ServerCollection.Name)]
public sealed partial class IdePageTests(GraphServerFactory factory)
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    [Fact]
    public async Task A_browser_asking_for_the_endpoint_gets_the_IDE_with_a_policy_that_allows_only_this_origin()
    {
        using var response = await GetAsync("/graphql", BrowserAccept);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);   // no inline script: CSP would block it
    }

    /// <summary>
    /// The IDE's subscriptions open a WebSocket to the page's own host: 'self' covers ws: and wss: only in browsers
    /// that follow CSP Level 3 there, so the policy names the origin in both schemes (wss:// behind a proxy ending
    /// TLS). A Host that is not a plain host and port is not copied into the header, where a ';' would add a
    /// directive of its own.
    /// </summary>
    [Theory]
    [InlineData("localhost", "ws://localhost wss://localhost")]
    [InlineData("127.0.0.1:5080", "ws://127.0.0.1:5080 wss://127.0.0.1:5080")]
    [InlineData("[::1]:5080", "ws://[::1]:5080 wss://[::1]:5080")]
    [InlineData("evil;script-src *", "")]
    public async Task The_policy_lets_the_page_open_a_WebSocket_to_its_own_host_only(string host, string sources)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.TryAddWithoutValidation("Accept", BrowserAccept);
        request.Headers.TryAddWithoutValidation("Host", host);
        using var response = await client.SendAsync(request);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        var connect = policy.Split(';').Select(d => d.Trim())
            .Single(d => d.StartsWith("connect-src", StringComparison.Ordinal));
        Assert.Equal(("connect-src 'self' " + sources).Trim(), connect);
        Assert.DoesNotContain("script-src *", policy, StringComparison.Ordinal);
    }

    /// <summary>
    /// GraphiQL runs a subscription only with a WebSocket client: without one it showed its own setup error and a
    /// JavaScript stack. The page loads the IDE's graphql-transport-ws client before the script that hands it over.
    /// </summary>
    [Fact]
    public async Task The_page_gives_GraphiQL_a_graphql_transport_ws_client_for_subscriptions()
    {
        using var page = await GetAsync("/graphql", BrowserAccept);
        var html = await page.Content.ReadAsStringAsync();
        var client = html.IndexOf("/graphql/ide/transport-ws.js", StringComparison.Ordinal);
        Assert.InRange(client, 0, html.IndexOf("/graphql/ide/ide.js", StringComparison.Ordinal));

        using var transport = await GetAsync("/graphql/ide/transport-ws.js", "*/*");
        var protocol = await transport.Content.ReadAsStringAsync();
        Assert.Contains("new WebSocket(url, 'graphql-transport-ws')", protocol, StringComparison.Ordinal);
        Assert.Contains("type: 'connection_init', payload: connectionParams", protocol, StringComparison.Ordinal);
        using var ide = await GetAsync("/graphql/ide/ide.js", "*/*");
        var script = await ide.Content.ReadAsStringAsync();
        var fetchers = Regex.Matches(script, @"GraphiQL\.createFetcher\(\{(?<options>[^}]*)\}").ToList();
        Assert.NotEmpty(fetchers);
        Assert.All(fetchers, f => Assert.Contains("wsClient", f.Groups["options"].Value, StringComparison.Ordinal));
        Assert.Contains("location.protocol === 'https:' ? 'wss://' : 'ws://'", script, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json, text/html;q=0")]
    [InlineData("text/html;q=0.1, application/graphql-response+json")]
    [InlineData("text/html, application/json")]
    [InlineData("application/json")]
    public async Task A_client_preferring_json_gets_the_result_not_the_page(string accept)
    {
        using var response = await GetAsync("/graphql?query=%7B__typename%7D", accept);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual("text/html", response.Content.Headers.ContentType!.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"__typename\":\"Query\"", body, StringComparison.Ordinal);
        Assert.Contains("Accept", response.Headers.Vary);
    }

    [Theory]
    [InlineData(BrowserAccept)]
    [InlineData("text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2")]
    [InlineData("text/html;q=0.9, application/json;q=0.5")]
    public async Task A_client_preferring_html_gets_the_page_which_varies_by_accept(string accept)
    {
        using var response = await GetAsync("/graphql?query=%7B__typename%7D", accept);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Accept", response.Headers.Vary);
    }

    [Fact]
    public async Task Every_file_the_page_loads_is_served_here_and_none_reaches_for_the_internet()
    {
        using var page = await GetAsync("/graphql", BrowserAccept);
        var html = await page.Content.ReadAsStringAsync();
        var urls = AssetReference().Matches(html).Select(m => m.Groups["url"].Value)
            .Where(u => !u.StartsWith("data:", StringComparison.Ordinal)).ToList();
        Assert.True(urls.Count >= 7, $"expected the IDE's scripts and styles, found: {string.Join(", ", urls)}");
        foreach (var url in urls)
        {
            Assert.StartsWith("/graphql/ide/", url, StringComparison.Ordinal);
            using var asset = await GetAsync(url, "*/*");
            Assert.True(asset.StatusCode == HttpStatusCode.OK, $"{url}: {(int)asset.StatusCode}");
            var body = await asset.Content.ReadAsStringAsync();
            Assert.DoesNotMatch(RemoteLoad(), body);
            Assert.DoesNotContain("sourceMappingURL", body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/ui")]
    public async Task The_bare_host_and_the_old_address_lead_to_the_IDE(string path)
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/graphql", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/graphql-response+json")]
    [InlineData("*/*")]
    public async Task GraphQL_clients_still_get_GraphQL_answers_from_a_GET(string accept)
    {
        using var response = await GetAsync("/graphql?query=%7B__typename%7D", accept);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(
            "\"__typename\":\"Query\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> GetAsync(string url, string accept)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return await client.SendAsync(request);
    }

    [GeneratedRegex("""(?:src|href)="(?<url>[^"]+)" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex AssetReference();

    /// <summary>
    /// What would make a browser fetch from elsewhere: CSS imports and url()s, or script loads, of http(s).
    /// </summary>
    [GeneratedRegex("""
        @import\s+(url\()?["']?https?: | url\(\s*["']?https?:
        | importScripts\(\s*["']https?: | <script[^>]+src=["']https?:
        """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex RemoteLoad();
}
