using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Infrastructure.Http.Limits;

/// <summary>
/// Estimates the rows an operation reads before it runs: every object a field returns is a row, and each list
/// multiplies what is below it by its size (<see cref="ListSize"/>), through any depth of nesting and fragments.
/// Cost is linear in the multiplier above a selection, so each fragment is estimated once and scaled at every
/// spread. Why not GraphQL.NET's ComplexityValidationRule: it runs after every other validation rule has passed
/// (the quadratic overlapping-fields rule included), so it cannot keep validation cheap, and its refusal has no
/// code or numbers a client could use; its list defaults (first/last or ×20) are also not our rows.
/// </summary>
internal sealed class CostEstimator
{
    private readonly ISchema _schema;
    private readonly GraphQLDocument _document;
    private readonly ListSize _sizes;
    private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _fragmentCosts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _fragmentTotals = new(StringComparer.Ordinal);

    private CostEstimator(ISchema schema, GraphQLDocument document, ListSize sizes)
    {
        _schema = schema;
        _document = document;
        _sizes = sizes;
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
        {
            _fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
        }
    }

    public static long Estimate(
        ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation, ListSize sizes)
    {
        IGraphType? root = operation.Operation switch
        {
            OperationType.Query => schema.Query,
            OperationType.Mutation => schema.Mutation,
            _ => schema.Subscription,
        };
        var cost = new CostEstimator(schema, document, sizes).SetCost(operation.SelectionSet, root);
        return cost >= long.MaxValue ? long.MaxValue : (long)Math.Ceiling(cost);
    }

    private double SetCost(GraphQLSelectionSet? set, IGraphType? parent)
    {
        double cost = 0;
        foreach (var selection in set?.Selections ?? [])
        {
            cost += selection switch
            {
                GraphQLField field => FieldCost(field, parent),
                GraphQLInlineFragment inline => SetCost(inline.SelectionSet, TypeNamed(inline.TypeCondition) ?? parent),
                GraphQLFragmentSpread spread => FragmentCost(spread.FragmentName.Name.StringValue),
                _ => 0,
            };
        }

        return cost;
    }

    private double FieldCost(GraphQLField field, IGraphType? parent)
    {
        // Introspection: __schema and __type at the root (they are not the query type's fields), and every field
        // below them, priced by the caller's schema's own sizes.
        if (field.Name.StringValue is "__schema" or "__type" && field.SelectionSet is not null)
        {
            var meta = _schema.AllTypes[field.Name.StringValue == "__schema" ? "__Schema" : "__Type"];
            return (1 / IntrospectionSizes.ObjectsPerRow) + SetCost(field.SelectionSet, meta);
        }

        if (parent is IComplexGraphType { Name: var name } introspection
            && name.StartsWith("__", StringComparison.Ordinal))
        {
            return IntrospectionCost(field, introspection);
        }

        // An unknown field fails validation anyway.
        if (parent is not IComplexGraphType complex || complex.GetField(field.Name.StringValue) is not { } definition)
        {
            return field.SelectionSet is null ? 0 : 1 + SetCost(field.SelectionSet, null);
        }

        if (field.SelectionSet is null)
        {
            // Scalars come with their row; some lists of them count.
            return _sizes.ScalarRows(complex, definition, field);
        }

        // What a field reads depends on what it is asked for below (accessSummary's groupings, accessLog's page).
        var selection = field.SelectionSet;
        var (rows, counted, reads) = _sizes.Rows(complex, definition, field,
            name => SelectionLookAhead.Asks(_document, selection, name));
        var type = Named(definition.ResolvedType);
        var below = rows * SetCost(field.SelectionSet, type);
        // A connection counts its whole list once per call, whatever its page (first: 0 included), when its
        // totalCount is asked under any alias or fragment: priced here, not per row of the page.
        var count = type is IComplexGraphType connection && _sizes.CountRows(connection) is > 0 and var size
            && AsksTotal(field.SelectionSet) ? size : 0;
        return (counted ? Math.Max(rows, 1) : 0) + below + reads + count;
    }

    // A field of an introspection type: its objects (a list's size in this schema) at a fraction of a row each.
    private double IntrospectionCost(GraphQLField field, IComplexGraphType parent)
    {
        if (field.SelectionSet is null || parent.GetField(field.Name.StringValue) is not { } definition)
        {
            return 0;
        }

        var objects = IntrospectionSizes.Of(_schema).Objects(parent.Name, definition.Name);
        var below = SetCost(field.SelectionSet, Named(definition.ResolvedType));
        return objects * ((1 / IntrospectionSizes.ObjectsPerRow) + below);
    }

    private bool AsksTotal(GraphQLSelectionSet? set) =>
        (set?.Selections ?? []).Any(selection => selection switch
        {
            GraphQLField field => field.Name.StringValue == "totalCount",
            GraphQLInlineFragment inline => AsksTotal(inline.SelectionSet),
            GraphQLFragmentSpread spread => FragmentAsksTotal(spread.FragmentName.Name.StringValue),
            _ => false,
        });

    private bool FragmentAsksTotal(string name)
    {
        if (_fragmentTotals.TryGetValue(name, out var known))
        {
            return known;
        }

        if (!_fragments.TryGetValue(name, out var fragment) || !_inProgress.Add(name))
        {
            return false; // unknown fragment or a cycle: validation reports it
        }

        var asks = AsksTotal(fragment.SelectionSet);
        _inProgress.Remove(name);
        _fragmentTotals[name] = asks;
        return asks;
    }

    private double FragmentCost(string name)
    {
        if (_fragmentCosts.TryGetValue(name, out var known))
        {
            return known;
        }

        if (!_fragments.TryGetValue(name, out var fragment) || !_inProgress.Add(name))
        {
            return 0; // unknown fragment or a cycle: validation reports it
        }

        var cost = SetCost(fragment.SelectionSet, TypeNamed(fragment.TypeCondition));
        _inProgress.Remove(name);
        _fragmentCosts[name] = cost;
        return cost;
    }

    private IGraphType? TypeNamed(GraphQLTypeCondition? condition) =>
        condition is null ? null : _schema.AllTypes[condition.Type.Name.StringValue];

    private static IGraphType? Named(IGraphType? type)
    {
        while (type is NonNullGraphType or ListGraphType)
        {
            type = type is NonNullGraphType nonNull ? nonNull.ResolvedType : ((ListGraphType)type).ResolvedType;
        }

        return type;
    }
}
