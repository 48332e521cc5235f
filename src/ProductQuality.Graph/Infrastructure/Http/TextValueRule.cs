using GraphQL.Validation;
using GraphQLParser.AST;

namespace ProductQuality.Graph.Infrastructure.Http;

/// <summary>
/// A string in the document (an argument, a default value) may not hold NUL or a lone UTF-16 surrogate, which
/// GraphQL's escapes can write ("\u0000", "\ud800") but no text contains: PostgreSQL refuses the first and Npgsql
/// cannot encode the second, so such a value reached the database as an internal error. Refused here as
/// INVALID_INPUT, before anything runs; variables get the same check when they are read (<see cref="InputsReader"/>).
/// </summary>
internal sealed class TextValueRule : ValidationRuleBase
{
    public static readonly TextValueRule Instance = new();

    private static readonly INodeVisitor Visitor = new MatchingNodeVisitor<GraphQLStringValue>((value, context) =>
    {
        if (TextProblem.Of(value.Value.Span) is { } problem)
        {
            context.ReportError(new ValidationError(context.Document.Source, null,
                $"A string value {problem}: text may not contain it.", value) { Code = "INVALID_INPUT" });
        }
    });

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(Visitor);
}

/// <summary>What no stored text may hold: NUL, and UTF-16 surrogates that are not in pairs.</summary>
internal static class TextProblem
{
    /// <summary>"holds …" naming the first such character and its position, or null when the text is fine.</summary>
    public static string? Of(ReadOnlySpan<char> text)
    {
        var nul = text.IndexOf('\0');
        var lone = FirstLoneSurrogate(text);
        return nul >= 0 && (lone < 0 || nul < lone) ? $"holds the NUL character (U+0000) at character {nul + 1}"
            : lone >= 0 ? $"holds a lone UTF-16 surrogate (U+{(int)text[lone]:X4}) at character {lone + 1}"
            : null;
    }

    /// <summary>The index of the first surrogate that is not half of a pair, or -1.</summary>
    public static int FirstLoneSurrogate(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
