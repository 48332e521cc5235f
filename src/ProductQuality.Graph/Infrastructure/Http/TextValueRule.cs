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
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                return $"holds the NUL character (U+0000) at character {i + 1}";
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return $"holds a lone UTF-16 surrogate (U+{(int)c:X4}) at character {i + 1}";
            }
        }

        return null;
    }
}
