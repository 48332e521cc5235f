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
        if (StoredText.Problem(value.Value.Span) is { } problem)
        {
            context.ReportError(new ValidationError(context.Document.Source, null,
                $"A string value {problem}: text may not contain it.", value) { Code = "INVALID_INPUT" });
        }
    });

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(Visitor);
}
