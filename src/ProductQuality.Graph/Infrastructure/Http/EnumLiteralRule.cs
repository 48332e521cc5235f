using System.Text.RegularExpressions;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQL.Validation.Errors;
using GraphQL.Validation.Rules;
using GraphQLParser.AST;

namespace ProductQuality.Graph.Infrastructure.Http;

/// <summary>
/// GraphQL's "argument values of correct type" rule (GraphQL.NET's <see cref="ArgumentsOfCorrectType"/>, the same
/// check and error), with the values an enum takes named when a literal is not one of them. The library said only
/// "Expected type 'ChangeKind', found CLASS.": a partner copying another department's example (finance may follow
/// CLASS changes, project approval only BLACKLIST and ASSURED) learnt neither what its contract offers nor what to
/// send.
/// The values are the caller's contract's: each schema has its own enum types.
/// </summary>
internal sealed partial class EnumLiteralRule : ValidationRuleBase
{
    public static readonly EnumLiteralRule Instance = new();

    private static readonly INodeVisitor Visitor = new MatchingNodeVisitor<GraphQLArgument>((argument, context) =>
    {
        if (context.TypeInfo.GetArgument() is not { ResolvedType: { } type }
            || context.IsValidLiteralValue(type, argument.Value) is not { } errors)
        {
            return;
        }

        context.ReportError(
            new ArgumentsOfCorrectTypeError(context, argument, errors + Values(context.Schema, errors)));
    });

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(Visitor);

    /// <summary>" ChangeKind takes BLACKLIST, ASSURED." for each enum the errors name (an input field's too).</summary>
    private static string Values(ISchema schema, string errors)
    {
        var named = ExpectedType().Matches(errors).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal);
        var said = "";
        foreach (var name in named)
        {
            if (schema.AllTypes[name] is EnumerationGraphType { Values: var values })
            {
                said += $" {name} takes {string.Join(", ", values.Select(v => v.Name))}.";
            }
        }

        return said;
    }

    [GeneratedRegex("""Expected type '(\w+)', found""", RegexOptions.CultureInvariant)]
    private static partial Regex ExpectedType();
}
