using System.Text.Json;

namespace ProductQuality.Graph.Infrastructure.Http;

/// <summary>
/// JSON strings may escape lone UTF-16 surrogates (<c>"\ud800"</c>) that no Unicode text contains; reading one
/// throws. The request reader asks here instead and answers INVALID_JSON naming the member.
/// </summary>
internal static class UnicodeText
{
    /// <summary>The string's text, or null when it holds a lone surrogate.</summary>
    public static string? Read(JsonElement element)
    {
        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The index of the first of the texts holding a lone surrogate, or null when all are valid.</summary>
    public static int? FirstInvalid(params string[] texts)
    {
        for (var i = 0; i < texts.Length; i++)
        {
            if (HasLoneSurrogate(texts[i]))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>INVALID_JSON for a POST body's member; GET parameters pass INVALID_REQUEST.</summary>
    public static RequestError Invalid(string member, string code = "INVALID_JSON") => RequestError.BadRequest(code,
        $"'{member}' is not valid Unicode text (it holds a lone UTF-16 surrogate such as \\ud800): "
        + "send the characters themselves or escape them as surrogate pairs.");

    private static bool HasLoneSurrogate(string text) => StoredText.FirstLoneSurrogate(text) >= 0;
}
