using System.Globalization;
using Microsoft.Extensions.Options;

namespace ProductQuality.Graph.Infrastructure.Listening;

/// <summary>
/// Where the server listens: the urls setting (--urls, ASPNETCORE_URLS), else http_ports and https_ports, else
/// http://localhost:5080. Kestrel reads them only as the host starts, after the database was migrated, and a mistake
/// there ended the process with a stack trace (exit 134) or, for a host it could not read ("http://[::1"), listened on
/// every interface without a word. Checked here first instead: one sentence each, exit code 3 (StartupFailure).
/// What Kestrel still refuses as it binds is said in one sentence too (<see cref="ListenFailureException"/>).
/// </summary>
public static class ListenSettings
{
    public const string DefaultUrl = "http://localhost:5080";

    private const string Urls = "Setting urls (--urls, ASPNETCORE_URLS)";

    private const string Example = "Give addresses such as http://127.0.0.1:5080 (this machine only) or "
        + "http://*:5080 (every interface), several separated by ';'.";

    /// <summary>
    /// Refuses addresses Kestrel cannot read (exit code 3): the server before it listens, and every verb, which
    /// never listens but checks every setting the server checks (a verb given --urls=garbage exited 0).
    /// </summary>
    public static void Check(IConfiguration settings)
    {
        if (Problems(settings).Concat(CertificateFiles.Problems(settings)).Concat(KestrelSection.Problems(settings))
            .ToList() is { Count: > 0 } problems)
        {
            throw new OptionsValidationException("urls", typeof(ListenSettings), problems);
        }
    }

    /// <summary>Checks the addresses, then listens on the default address unless one is set.</summary>
    public static void UseCheckedListenAddresses(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = builder.Configuration;
        Check(settings);

        // Not under Kestrel:Endpoints, which replace it (Kestrel then warns of an override no operator asked for).
        if (string.IsNullOrEmpty(settings["urls"]) && string.IsNullOrEmpty(settings["http_ports"])
            && string.IsNullOrEmpty(settings["https_ports"]) && KestrelEndpoints(settings).Count == 0)
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // What Kestrel still refuses as it binds (an address in use, one not this machine's): one sentence too.
        ListeningServer.Wrap(builder.Services);
        QuietTheHostsLogOfListenFailures(builder.Services);
    }

    // The host's type is internal (Microsoft.Extensions.Hosting.Internal.Host), so it is found by name; renamed in
    // some release, its log entry is written as before (with the stack trace), and ListenFailureTests fails.
    private static void QuietTheHostsLogOfListenFailures(IServiceCollection services)
    {
        if (typeof(HostBuilder).Assembly.GetType("Microsoft.Extensions.Hosting.Internal.Host") is { } host)
        {
            services.AddSingleton(typeof(ILogger<>).MakeGenericType(host),
                typeof(HostLogWithoutListenFailures<>).MakeGenericType(host));
        }
    }

    /// <summary>The endpoints of Kestrel's own settings (Kestrel:Endpoints:Name:Url), which replace the urls.
    /// </summary>
    internal static List<IConfigurationSection> KestrelEndpoints(IConfiguration settings) =>
        [.. settings.GetSection(KestrelEndpointsPath).GetChildren()];

    internal const string KestrelEndpointsPath = "Kestrel:Endpoints";

    internal static List<string> Problems(IConfiguration settings)
    {
        // Endpoints in Kestrel's own settings replace the addresses: theirs are checked instead. Kestrel read a bad
        // one only as it bound, after the database was migrated, and the sentence blamed --urls.
        if (KestrelEndpoints(settings) is { Count: > 0 } endpoints)
        {
            return EndpointProblems(settings, endpoints);
        }

        var problems = new List<string>();
        var https = new List<(string Setting, string Address)>();
        if (settings["urls"] is { Length: > 0 } urls)
        {
            // Split as the host splits it: on ';', dropping empty entries.
            var addresses = urls.Split(';', StringSplitOptions.RemoveEmptyEntries);
            if (addresses.Length == 0)
            {
                problems.Add($"{Urls} is '{urls}', which names no address. {Example}");
            }

            var listened = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var address in addresses)
            {
                if (ListenAddress.Problem(address) is { } problem)
                {
                    problems.Add($"{Urls} {(addresses.Length == 1 ? "is" : "has")} '{address}', {problem}. {Example}");
                    continue;
                }

                if (ListenAddress.IsHttps(address))
                {
                    https.Add((Urls, address));
                }

                // Listed twice, the second bind failed and was said to be another process's address.
                foreach (var socket in ListenAddress.Sockets(address))
                {
                    if (!listened.TryAdd(socket, address))
                    {
                        problems.Add($"{Urls} lists '{listened[socket]}' and '{address}', which both listen on "
                            + $"{socket}: list each address once.");
                        break;
                    }
                }
            }
        }
        else
        {
            // Used only without urls: each port becomes http://*:port (https://*:port).
            Ports(settings, "http_ports", problems, https: null);
            Ports(settings, "https_ports", problems, https);
        }

        if (problems.Count == 0 && https.Count > 0 && !HttpsCertificate.Available(settings))
        {
            var (setting, address) = https[0];
            problems.Add($"{setting} has '{address}' for https, and Kestrel has no certificate for it: "
                + $"{HttpsCertificate.Remedy}.");
        }

        return problems;
    }

    private static List<string> EndpointProblems(IConfiguration settings, List<IConfigurationSection> endpoints)
    {
        const string example = "Give an address such as http://127.0.0.1:5080 (this machine only) or http://*:5080 "
            + "(every interface).";
        var problems = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var url = endpoint["Url"];
            if (string.IsNullOrWhiteSpace(url))
            {
                problems.Add($"Setting {endpoint.Path}:Url is {(url is null ? "missing" : "empty")}: every Kestrel "
                    + $"endpoint needs the address it listens on. {example}");
            }
            else if (ListenAddress.Problem(url) is { } problem)
            {
                problems.Add($"Setting {endpoint.Path}:Url is '{url}', {problem}. {example}");
            }
            else if (ListenAddress.IsHttps(url) && !endpoint.GetSection("Certificate").GetChildren().Any()
                && !HttpsCertificate.Available(settings))
            {
                // Found by Kestrel only as it bound, after the database was migrated and seeded.
                problems.Add($"Setting {endpoint.Path}:Url is '{url}', https, and Kestrel has no certificate for it: "
                    + $"set {endpoint.Path}:Certificate:Path, or {HttpsCertificate.Remedy}.");
            }
        }

        return problems;
    }

    private static void Ports(IConfiguration settings, string key, List<string> problems,
        List<(string, string)>? https)
    {
        var setting = $"Setting {key} (--{key}, ASPNETCORE_{key.ToUpperInvariant()})";
        var ports = (settings[key] ?? "").Split(';',
            StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var port in ports)
        {
            if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number > 65535)
            {
                problems.Add($"{setting} has '{port}', which is not a port: give numbers from 0 to 65535 (0: any free "
                    + "port), several separated by ';'.");
            }
            else
            {
                https?.Add((setting, port));
            }
        }
    }
}
