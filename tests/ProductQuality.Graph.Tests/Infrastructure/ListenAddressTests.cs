using Microsoft.Extensions.Configuration;
using ProductQuality.Graph.Infrastructure.Listening;

namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>
/// An address the server cannot listen on as meant stops the start with exit code 3 and one sentence — the setting,
/// the value, what to write — before the database is touched. Kestrel read them only as the host started: 'garbage'
/// ended in a stack trace (exit 134), and 'http://[::1' listened on every interface without a word.
/// </summary>
public sealed class ListenAddressTests
{
    private const string Urls = "Setting urls (--urls, ASPNETCORE_URLS) ";
    private const string Example = "such as http://127.0.0.1:5080 (this machine only) or http://*:5080";

    public static TheoryData<string, string, string> Refused => new()
    {
        { "garbage", "is 'garbage', which is not an address", Example },
        { "http://127.0.0.1:99999", "is 'http://127.0.0.1:99999', whose port '99999'", "from 0 to 65535" },
        { "ftp://127.0.0.1:5398", "is 'ftp://127.0.0.1:5398', whose scheme 'ftp' is not http or https", Example },
        { "http://127.0.0.1:5398;garbage", "has 'garbage', which is not an address", "separated by ';'" },
        { "http://[::1", "is 'http://[::1', whose host '[:' is not localhost", "every interface" },
        // Listed twice, the second bind failed and was said to be another process's ("address already in use").
        {
            "http://127.0.0.1:5615;http://127.0.0.1:5615",
            "lists 'http://127.0.0.1:5615' and 'http://127.0.0.1:5615', which both listen on 127.0.0.1:5615",
            "list each address once"
        },
        {
            "http://[::1]:5615;http://localhost:5615",
            "lists 'http://[::1]:5615' and 'http://localhost:5615', which both listen on [::1]:5615",
            "list each address once"
        },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_bad_address_stops_the_start_with_one_sentence(string urls, string names, string allowed) =>
        AssertRefused(await RunAsync(Process(), "--urls", urls), Urls + names, allowed);

    /// <summary>
    /// Every verb checks the settings the server checks: a verb given an address the server refuses exited 0 (seed
    /// even recreated the database) — the fuzz probe. Refused before the database is touched, as the server is.
    /// </summary>
    [Theory]
    [InlineData("token", "--department", "finance")]
    [InlineData("audit", "verify")]
    [InlineData("seed", "--enterprises", "5")]
    public async Task A_verb_refuses_a_bad_address_as_the_server_does(params string[] verb) =>
        AssertRefused(await RunAsync(Process(), [.. verb, "--urls=http://127.0.0.1:99999"]),
            Urls + "is 'http://127.0.0.1:99999', whose port '99999'", "from 0 to 65535");

    [Fact]
    public async Task ASPNETCORE_URLS_is_checked_the_same()
    {
        var process = Process();
        process.Environment["ASPNETCORE_URLS"] = "garbage";
        AssertRefused(await RunAsync(process), Urls + "is 'garbage', which is not an address", Example);
    }

    [Fact]
    public async Task Https_without_a_certificate_says_where_one_comes_from()
    {
        // A home without the development certificate, whatever the machine running the test has.
        var process = Process();
        process.Environment["HOME"] = process.Folder;
        AssertRefused(await RunAsync(process, "--urls", "https://127.0.0.1:5398"),
            Urls + "has 'https://127.0.0.1:5398' for https, and Kestrel has no certificate for it",
            "Kestrel:Certificates:Default:Path");
    }

    [Theory]
    [InlineData("http://example.com:5080", "whose host 'example.com' is not localhost")]
    [InlineData("http://5080", "whose host '5080' is not localhost")]
    [InlineData("http://::1:5080", "whose IPv6 address ::1 is not in brackets")]
    [InlineData("http://127.0.0.1:abc", "whose port 'abc' is not a number from 0 to 65535")]
    [InlineData("http://[::1]:abc", "whose port 'abc'")]
    [InlineData("http://127.0.0.1:-1", "whose port '-1'")]
    [InlineData("http://127.0.0.1:5080/graphql", "which has a path ('/graphql')")]
    [InlineData("http://localhost:0", "Kestrel cannot pick one for IPv4 and IPv6 at once")]
    [InlineData("http://127.0.0.1:5080; http://127.0.0.1:5081", "which holds a space")]
    [InlineData(";", "which names no address")]
    public void Addresses_Kestrel_would_misread_are_refused(string urls, string problem) =>
        Assert.Contains(problem, Assert.Single(ListenSettings.Problems(Settings(("urls", urls)))),
            StringComparison.Ordinal);

    [Theory]
    [InlineData("http://127.0.0.1:0")]
    [InlineData("http://localhost:5080")]
    [InlineData("HTTP://[::1]:5080;http://0.0.0.0:80")]
    [InlineData("http://*:8080;http://+:8081")]
    [InlineData("http://unix:/run/pq.sock")]
    [InlineData("https://127.0.0.1:5443")]
    public void Addresses_Kestrel_reads_as_meant_are_accepted(string urls) =>
        Assert.Empty(ListenSettings.Problems(Settings(("urls", urls), ("Kestrel:Certificates:Default:Path", "x.pfx"))));

    /// <summary>
    /// Kestrel's own endpoints replace the urls, and were not checked: a bad one ended the start after the database
    /// was migrated, blaming --urls, and a mistyped IP address (999.1.1.1) listened on every interface unsaid.
    /// </summary>
    [Theory]
    [InlineData("notaurl", "is 'notaurl', which is not an address")]
    [InlineData("http://999.1.1.1:5080", "whose host '999.1.1.1' is not localhost")]
    [InlineData("http://127.0.0.1:99999", "whose port '99999' is not a number from 0 to 65535")]
    [InlineData(null, "is missing: every Kestrel endpoint needs the address it listens on")]
    public void Kestrel_endpoints_are_checked_as_the_urls_are(string? url, string problem)
    {
        var settings = url is null
            ? Settings(("Kestrel:Endpoints:Api:Protocols", "Http1"))
            : Settings(("Kestrel:Endpoints:Api:Url", url), ("urls", "http://127.0.0.1:5080"));

        var said = Assert.Single(ListenSettings.Problems(settings));

        Assert.StartsWith("Setting Kestrel:Endpoints:Api:Url ", said, StringComparison.Ordinal);
        Assert.Contains(problem, said, StringComparison.Ordinal);
        Assert.DoesNotContain("--urls", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Kestrel_https_endpoint_without_a_certificate_stops_the_start_before_the_database()
    {
        // A home without the development certificate, whatever the machine running the test has.
        var process = Process();
        process.Environment["HOME"] = process.Folder;
        AssertRefused(await RunAsync(process, "--Kestrel:Endpoints:Web:Url=https://127.0.0.1:5398"),
            "Setting Kestrel:Endpoints:Web:Url is 'https://127.0.0.1:5398', https, and Kestrel has no certificate",
            "Kestrel:Endpoints:Web:Certificate:Path");
        Assert.Empty(ListenSettings.Problems(Settings(("Kestrel:Endpoints:Web:Url", "https://127.0.0.1:5398"),
            ("Kestrel:Endpoints:Web:Certificate:Path", "web.pfx"))));
    }

    [Fact]
    public async Task A_bad_Kestrel_endpoint_stops_the_start_before_the_database_is_touched() =>
        AssertRefused(await RunAsync(Process(), "--Kestrel:Endpoints:Api:Url=garbage"),
            "Setting Kestrel:Endpoints:Api:Url is 'garbage', which is not an address", Example);

    [Theory]
    [InlineData("http_ports", "abc", "Setting http_ports (--http_ports, ASPNETCORE_HTTP_PORTS) has 'abc'")]
    [InlineData("http_ports", "80;70000", "has '70000', which is not a port")]
    [InlineData("https_ports", "-1", "Setting https_ports (--https_ports, ASPNETCORE_HTTPS_PORTS) has '-1'")]
    public void Ports_are_numbers(string key, string ports, string problem) =>
        Assert.Contains(problem, Assert.Single(ListenSettings.Problems(Settings((key, ports)))),
            StringComparison.Ordinal);

    // A refusal takes a second; a server that starts instead is killed, and the test fails, after 90 s.
    private static VerbProcess Process() => new() { Timeout = TimeSpan.FromSeconds(90) };

    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s =>
            new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    private static async Task<(int ExitCode, string Error)> RunAsync(VerbProcess process, params string[] args)
    {
        using (process)
        {
            var (code, _, error) = await process.RunAsync(args);
            Assert.False(File.Exists(process.DefaultDatabase), "the database was touched before the address");
            return (code, error);
        }
    }

    private static void AssertRefused((int ExitCode, string Error) result, string names, string allowed)
    {
        Assert.True(result.ExitCode == 3, $"exit {result.ExitCode}: {result.Error}");
        var sentence = result.Error.Split('\n')[0];
        Assert.StartsWith(names, sentence, StringComparison.Ordinal);
        Assert.Contains(allowed, sentence, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Error, StringComparison.Ordinal);
    }
}
