using System.Text;

namespace ProductQuality.Graph.Tests.Fuzz;

/// <summary>The transport around a document: broken bodies, header variants, bad Authorization, GET
/// parameters.</summary>
public sealed class RequestParts(Random random, ValueGenerator values)
{
    private static readonly string[] TokenPool = [.. Access.TokenForgeries.All().Select(f => f.Token)];

    private static readonly string[] Accepts =
    [
        "application/graphql-response+json", "application/json", "*/*", "application/*", "text/html", "",
        "application/graphql-response+json;q=0", "application/json;q=abc", ",,,", "*/*;q=0.1, application/json;q=0.2",
        "application/graphql-response+json; charset=utf-8", "image/png, */*;q=0", "application/json, text/plain",
        "application/graphql-response+json;q=0.5;q=0.7", "\u00e9/\u00e9", "application/json; charset=latin1",
    ];

    private static readonly string[] ContentTypes =
    [
        "application/json", "application/json; charset=utf-8", "application/json; charset=UTF-8",
        "application/json; charset=utf-16",
        "text/plain", "application/graphql", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
        ";;",
        "application/json; charset=", "APPLICATION/JSON", "application/graphql-response+json",
    ];

    public string Accept(bool vary) => vary && random.Next(3) != 0 ? Accepts[random.Next(Accepts.Length)]
        : random.Next(2) == 0 ? "application/graphql-response+json" : "application/json";

    public string? ContentType(bool vary) => !vary || random.Next(3) == 0 ? "application/json"
        : random.Next(8) == 0 ? null : ContentTypes[random.Next(ContentTypes.Length)];

    public HttpMethod Method() => random.Next(12) switch
    {
        0 => HttpMethod.Put,
        1 => HttpMethod.Delete,
        2 => HttpMethod.Patch,
        _ => HttpMethod.Post,
    };

    public string BrokenBody()
    {
        var valid = JsonText.Request("{ __typename }", JsonText.Object(("x", values.Wrong())));
        return random.Next(14) switch
        {
            0 => valid[..random.Next(valid.Length)],
            1 => "",
            2 => random.Next(3) switch { 0 => "null", 1 => "[]", _ => "42" },
            3 => JsonText.Object(("query", values.Wrong())),
            4 => JsonText.Object(("query", JsonText.Quote("{ __typename }")), ("operationName", values.Wrong())),
            5 => JsonText.Object(("query", JsonText.Quote("{ __typename }")), ("variables", values.Wrong())),
            6 => JsonText.Object(("query", JsonText.Quote("{ __typename }")), ("extensions", values.Wrong())),
            7 => JsonText.Object(("query", JsonText.Quote(values.Text()))),
            8 => string.Concat(Enumerable.Repeat("[", random.Next(1, 5_000))),
            9 => string.Concat(Enumerable.Repeat("{\"query\":", random.Next(1, 200))) + "1",
            10 => "\ufeff" + valid,
            11 => "{\"query\":\"{ __typename }\",\"query\":\"{ x }\"}",
            12 => "[" + valid + "," + valid + "]",
            _ => values.Text(),
        };
    }

    public string BadAuthorization(Func<string, string> mint)
    {
        var token = mint("finance");
        return random.Next(8) switch
        {
            0 => "Bearer " + Forged(),
            1 => "Bearer " + token[..random.Next(token.Length)],
            2 => "Bearer " + Flip(token),
            3 => Pick(["Bearer", "Bearer ", "bearer " + token, "Basic dXNlcjpwYXNz", "Token " + token, "Bearer  "
                + token + " x"]),
            4 => "Bearer " + token + "." + token,
            5 => "Bearer " + new string([.. values.Text().Where(c => c is >= ' ' and < '\u007f')]),
            _ => "Bearer " + Forged(),
        };
    }

    /// <summary>GET parameters: the document percent-encoded, plus raw escapes that are not UTF-8 at all.</summary>
    public string QueryString(string document)
    {
        var query = new StringBuilder("query=").Append(Escape(document));
        if (random.Next(4) == 0)
        {
            query.Append(Pick(["%ED%A0%80", "%FF", "%00", "%C0%AF", "%", "%E4%B8"]));
        }

        if (random.Next(3) == 0)
        {
            query.Append("&variables=").Append(Escape(JsonText.Object(("x", values.Wrong()))));
        }

        if (random.Next(6) == 0)
        {
            query.Append(Pick(["&query=x", "&operationName=%ED%A0%80", "&extensions=%5B%5D", "&variables=nope"]));
        }

        return query.ToString();
    }

    private static string Escape(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text); // lone surrogates become U+FFFD, as a browser would send them
        return string.Concat(bytes.Select(b => char.IsAsciiLetterOrDigit((char)b) ? ((char)b).ToString() : $"%{b:X2}"));
    }

    private string Forged() => TokenPool[random.Next(TokenPool.Length)];

    private string Flip(string token)
    {
        var at = random.Next(token.Length);
        return string.Concat(token.AsSpan(0, at), token[at] == 'A' ? "B" : "A", token.AsSpan(at + 1));
    }

    private string Pick(string[] items) => items[random.Next(items.Length)];
}
