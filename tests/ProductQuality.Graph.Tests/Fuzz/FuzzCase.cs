using System.Text;

namespace ProductQuality.Graph.Tests.Fuzz;

/// <summary>One generated HTTP request, printable so a failure can be reproduced from the seed and index.</summary>
public sealed record FuzzCase(
    int Index, string Kind, HttpMethod Method, string Url, string? Body, string? ContentType, string? Accept,
        string? Authorization)
{
    /// <summary>Bytes put into the UTF-8 body at these offsets (the last first, so each offset is the original's):
    /// sequences no UTF-8 text holds.</summary>
    public IReadOnlyList<(int Offset, byte[] Bytes)> Damage { get; init; } = [];

    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(Method, Url);
        if (Body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(Body);
            foreach (var (offset, inserted) in Damage.OrderByDescending(d => d.Offset))
            {
                bytes = [.. bytes[..offset], .. inserted, .. bytes[offset..]];
            }

            request.Content = new ByteArrayContent(bytes);
            if (ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        if (Accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", Accept);
        }

        if (Authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", Authorization);
        }

        return request;
    }

    public string Describe() =>
        $"#{Index} [{Kind}] {Method} {Cut(Url)}\n  Content-Type: {ContentType}\n  Accept: {Accept}\n"
        + $"  Authorization: {Cut(Authorization)}\n  Body: {Cut(Body)}"
        + string.Concat(Damage.Select(d => $"\n  with bytes {Convert.ToHexString(d.Bytes)} at {d.Offset}"));

    /// <summary>Long values cut, and every control or surrogate character shown as an escape.</summary>
    private static string Cut(string? text)
    {
        if (text is null)
        {
            return "(none)";
        }

        var shown = new StringBuilder();
        foreach (var c in text.Length > 400 ? text[..400] : text)
        {
            shown.Append(c < ' ' || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return text.Length > 400 ? $"{shown}… ({text.Length} chars)" : shown.ToString();
    }
}
