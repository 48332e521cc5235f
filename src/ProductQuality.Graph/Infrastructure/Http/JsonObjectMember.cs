using System.Text.Json;

namespace ProductQuality.Graph.Infrastructure.Http;

/// <summary>
/// What is wrong with <c>variables</c> or <c>extensions</c> when it is not a JSON object: what was sent instead.
/// Altair and Postman send variables as a string holding the object (<c>"{\"a\":1}"</c>), which the GraphQL over
/// HTTP specification does not allow; told only "must be JSON objects", their users could not see the difference,
/// so the answer shows the object to send beside the string that was sent.
/// </summary>
internal static class JsonObjectMember
{
    /// <summary>
    /// "not a string: send …, not …" and the like, to follow "must be a JSON object or null, "; null when the value
    /// is an object or null.
    /// </summary>
    public static string? Problem(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => NotAString(value),
        JsonValueKind.Array => "not an array",
        JsonValueKind.Number => "not a number",
        _ => "not " + value.GetRawText(),
    };

    /// <summary>"not a string: send {…}, not "{…}"" for a string; both quoted by their start.</summary>
    public static string NotAString(JsonElement value)
    {
        var text = UnicodeText.Read(value);
        // An empty editor pane (Postman, Insomnia) sends "" or "null": nothing was meant.
        if (text is not null && (text.Trim().Length == 0 || text.Trim() == "null"))
        {
            return $"not a string: with nothing to send, leave the member out or send null or {{}}, not "
                + Quoted.Start(value.GetRawText());
        }

        return text is not null && HoldsObject(text)
            ? $"not a string: send {Quoted.Start(text)}, not {Quoted.Start(value.GetRawText())}"
            : "not a string: send the JSON object itself, not text, e.g. {\"first\": 10}";
    }

    private static bool HoldsObject(string text)
    {
        using var document = JsonIntake.Parse(text, out _);
        return document?.RootElement.ValueKind == JsonValueKind.Object;
    }
}
