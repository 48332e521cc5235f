using System.Security.Authentication;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace ProductQuality.Graph.Infrastructure.Listening;

/// <summary>
/// What of the <c>Kestrel</c> section is read. Kestrel takes only its endpoints, their defaults and its certificates
/// from the settings; its limits and its other options are set in code, and this server sets them from the
/// <c>GraphQL</c> section. <c>Kestrel:Limits:MaxRequestBodySize</c> or <c>Kestrel:Limits:KeepAliveTimeout=xyz</c>
/// started the server without a word and were never applied, and Kestrel passes over a protocol it cannot read
/// (<c>Protocols=Http5</c>) or a misspelt key as silently: the operator believed a setting was in force that was not.
/// Refused at start instead (exit code 3), each in a sentence naming what to give.
/// </summary>
internal static class KestrelSection
{
    private const string Listed = "every setting is listed in appsettings.example.json";

    /// <summary>The keys under Kestrel that Kestrel's configuration loader reads.</summary>
    private static readonly string[] Read = ["Endpoints", "EndpointDefaults", "Certificates"];

    // What an endpoint's defaults, an endpoint and a server name (Sni) of one take, as Kestrel reads them.
    private static readonly string[] Defaults = ["Protocols", "SslProtocols", "ClientCertificateMode"];
    private static readonly string[] Endpoint = [.. Defaults, "Url", "Certificate", "Sni"];
    private static readonly string[] ServerName = [.. Defaults, "Certificate"];
    private static readonly string[] Certificate =
        ["Path", "KeyPath", "Password", "Subject", "Store", "Location", "AllowInvalid"];

    public static IEnumerable<string> Problems(IConfiguration settings)
    {
        var kestrel = settings.GetSection("Kestrel");
        foreach (var child in kestrel.GetChildren().Where(c => !Known(c, Read)))
        {
            yield return $"Setting {FirstLeaf(child).Path} is not read: Kestrel takes only Kestrel:Endpoints, "
                + "Kestrel:EndpointDefaults and Kestrel:Certificates from the settings, and this server sets Kestrel's "
                + "limits itself from the GraphQL section (GraphQL:MaxDocumentLength, GraphQL:MaxConnections, "
                + "GraphQL:MaxConnectionsPerAddress, …). Remove it, or set the GraphQL setting that governs it; "
                + $"{Listed}.";
        }

        var sections = new List<(IConfigurationSection Section, string[] Keys)>
        {
            (kestrel.GetSection("EndpointDefaults"), Defaults),
        };
        sections.AddRange(kestrel.GetSection("Certificates").GetChildren().Select(c => (c, Certificate)));
        foreach (var endpoint in ListenSettings.KestrelEndpoints(settings))
        {
            sections.Add((endpoint, Endpoint));
            sections.Add((endpoint.GetSection("Certificate"), Certificate));
            foreach (var name in endpoint.GetSection("Sni").GetChildren())
            {
                sections.Add((name, ServerName));
                sections.Add((name.GetSection("Certificate"), Certificate));
            }
        }

        foreach (var problem in sections.SelectMany(s => SectionProblems(s.Section, s.Keys)))
        {
            yield return problem;
        }
    }

    private static IEnumerable<string> SectionProblems(IConfigurationSection section, string[] keys)
    {
        foreach (var child in section.GetChildren().Where(c => !Known(c, keys)))
        {
            yield return $"Setting {FirstLeaf(child).Path} is not known: Kestrel reads {string.Join(", ", keys)} "
                + $"there and would pass over it; {Listed}.";
        }

        if (keys == Certificate)
        {
            yield break;   // a certificate's values are files, a password or a store: Kestrel says what is wrong
        }

        if (Unreadable<HttpProtocols>(section["Protocols"]))
        {
            yield return Enum<HttpProtocols>(section.GetSection("Protocols"));
        }

        if (Unreadable<ClientCertificateMode>(section["ClientCertificateMode"]))
        {
            yield return Enum<ClientCertificateMode>(section.GetSection("ClientCertificateMode"));
        }

        // A list (SslProtocols:0=Tls13); Kestrel drops an item it cannot read and keeps the others.
        var sslProtocols = section.GetSection("SslProtocols").GetChildren();
        foreach (var item in sslProtocols.Where(i => Unreadable<SslProtocols>(i.Value)))
        {
            yield return Enum<SslProtocols>(item, ["Tls12", "Tls13"]);
        }
    }

    private static bool Known(IConfigurationSection setting, string[] keys) =>
        keys.Contains(setting.Key, StringComparer.OrdinalIgnoreCase);

    // Kestrel parses these as enum names or numbers, without regard to case, and passes over what does not parse.
    private static bool Unreadable<T>(string? value) where T : struct, Enum =>
        value is not null && !System.Enum.TryParse<T>(value, ignoreCase: true, out _);

    private static string Enum<T>(IConfigurationSection setting, string[]? names = null) where T : struct, Enum =>
        $"Setting {setting.Path} is '{Quoted.Start(setting.Value)}', which Kestrel cannot read and would pass over: "
        + $"give one of {string.Join(", ", names ?? System.Enum.GetNames<T>())}.";

    // Kestrel:Limits holds settings; the one given is the one to name (Kestrel:Limits:KeepAliveTimeout).
    private static IConfigurationSection FirstLeaf(IConfigurationSection section) =>
        section.GetChildren().FirstOrDefault() is { } child ? FirstLeaf(child) : section;
}
