using GraphQL.Types;
using GraphQL.Validation;
using GraphQL.Validation.Errors;
using GraphQLParser.AST;

namespace ProductQuality.Graph.Infrastructure.Http;

/// <summary>
/// The half of "All Variable Usages Are Allowed" (GraphQL, October 2021, §5.8.5) GraphQL.NET 8.8.5 misses: a nullable
/// variable may fill a non-null position only when its default is not null. The library takes any default, null
/// too, so <c>query($v: Boolean = null) { __typename @include(if: $v) }</c> passed validation and failed inside the
/// executor (INTERNAL_ERROR), and a mutation's input, a product code or a list of credit codes ran as null. Refused
/// here as the library refuses the same variable without a default: VARIABLES_IN_ALLOWED_POSITION.
/// </summary>
internal sealed class NullDefaultVariableRule : ValidationRuleBase
{
    public static readonly NullDefaultVariableRule Instance = new();

    private static readonly INodeVisitor Visitor = new MatchingNodeVisitor<GraphQLOperationDefinition>(
        leave: (operation, context) =>
        {
            var nullDefaults = operation.Variables?.Items
                .Where(v => v.DefaultValue is GraphQLNullValue && v.Type is not GraphQLNonNullType)
                .ToDictionary(v => v.Variable.Name.StringValue, StringComparer.Ordinal);
            if (nullDefaults is not { Count: > 0 } || context.GetRecursiveVariables(operation) is not { } usages)
            {
                return;
            }

            foreach (var usage in usages)
            {
                if (nullDefaults.TryGetValue(usage.Node.Name.StringValue, out var definition)
                    && (usage.Type is NonNullGraphType || usage.IsRequired) && !usage.HasDefault
                    && definition.Type.GraphTypeFromType(context.Schema) is { } variableType)
                {
                    context.ReportError(new VariablesInAllowedPositionError(context, definition, variableType, usage));
                }
            }
        });

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(Visitor);
}
