namespace ProductQuality.Graph.Audit;

/// <summary>
/// <c>X-Purpose</c>: why the caller asks, e.g. <c>loan-review</c> or <c>project-approval:2026-0123</c>. One value
/// of 1–128 characters: ASCII letters and digits first, then also <c>- _ . : /</c> — a case or file reference, not
/// prose, so it can be filtered and counted.
/// </summary>
public static class PurposeHeader
{
    public const string Name = "X-Purpose";
    public const int MaxLength = 128;
    public const string InvalidCode = "INVALID_PURPOSE";
    public const string RequiredCode = "PURPOSE_REQUIRED";

    private static readonly System.Buffers.SearchValues<char> Allowed = System.Buffers.SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:/");

    /// <summary>The purpose (null when not sent), or the problem with it.</summary>
    public static (string? Purpose, string? Problem) Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Headers.TryGetValue(Name, out var values))
        {
            return (null, null);
        }

        if (values.Count != 1)
        {
            return (null, $"Send one {Name} header, not {values.Count}.");
        }

        var value = values[0] ?? "";
        return Problem(value) is { } problem ? (null, problem) : (value, null);
    }

    public static string? Problem(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length is 0 or > MaxLength)
        {
            return $"{Name} must be 1 to {MaxLength} characters long; it was {value.Length}.";
        }

        if (!char.IsAsciiLetterOrDigit(value[0]))
        {
            return $"{Name} must start with an ASCII letter or digit, e.g. loan-review or project-approval:2026-0123.";
        }

        var bad = value.AsSpan().IndexOfAnyExcept(Allowed);
        return bad < 0
            ? null
            : $"{Name} may hold only ASCII letters, digits and - _ . : / (character {bad + 1} is not one).";
    }
}
