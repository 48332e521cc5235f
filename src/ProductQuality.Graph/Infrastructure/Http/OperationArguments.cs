using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;

namespace ProductQuality.Graph.Infrastructure.Http;

/// <summary>
/// Where an operation has arguments to parse: each field written with arguments (with its definition) and each node
/// written with directives, found by the walk GraphQL.NET's validator makes on every request (its
/// <c>ParseArgumentVisitor</c>: the selected operation, each fragment it spreads once, a field's definition looked up
/// in the type its selection belongs to), made once. <see cref="Parse"/> then asks the library's own
/// <see cref="ExecutionHelper"/> for the values, as that walk does.
/// </summary>
internal sealed class OperationArguments
{
    private readonly List<(GraphQLField Field, FieldType Definition)> _fields = [];
    private readonly List<IHasDirectivesNode> _directed = [];

    private OperationArguments(ISchema schema, GraphQLDocument document)
    {
        Schema = schema;
        Document = document;
    }

    public ISchema Schema { get; }

    public GraphQLDocument Document { get; }

    /// <summary>False when the walk met something it does not follow as the library does (a field it cannot find):
    /// such an operation is validated the full way every time.</summary>
    public bool IsPlanned { get; private set; } = true;

    public static OperationArguments Plan(ISchema schema, GraphQLDocument document,
        GraphQLOperationDefinition operation)
    {
        var plan = new OperationArguments(schema, document);
        plan.Walk(operation);
        return plan;
    }

    /// <summary>The argument and directive values with this request's variables, as GraphQL.NET's validator gives
    /// them. A value that does not parse throws <see cref="ValidationError"/>, as it does there.</summary>
    public (Dictionary<GraphQLField, IDictionary<string, ArgumentValue>>? Arguments,
        Dictionary<ASTNode, IDictionary<string, DirectiveInfo>>? Directives) Parse(Variables variables)
    {
        Dictionary<GraphQLField, IDictionary<string, ArgumentValue>>? arguments = null;
        Dictionary<ASTNode, IDictionary<string, DirectiveInfo>>? directives = null;
        foreach (var node in _directed)
        {
            if (ExecutionHelper.GetDirectives(node, variables, Schema, Document) is { } values)
            {
                (directives ??= []).Add((ASTNode)node, values);
            }
        }

        foreach (var (field, definition) in _fields)
        {
            if (ExecutionHelper.GetArguments(definition.Arguments, field.Arguments, variables, Document, field, null)
                is { } values)
            {
                (arguments ??= []).Add(field, values);
            }
        }

        return (arguments, directives);
    }

    private void Walk(GraphQLOperationDefinition operation)
    {
        IComplexGraphType? root = operation.Operation switch
        {
            OperationType.Query => Schema.Query,
            OperationType.Mutation => Schema.Mutation,
            OperationType.Subscription => Schema.Subscription,
            _ => null,
        };
        Directed(operation);
        foreach (var variable in operation.Variables?.Items ?? [])
        {
            Directed(variable);
        }

        if (root is null)
        {
            IsPlanned = false;
            return;
        }

        HashSet<string> visitedFragments = new(StringComparer.Ordinal);
        Selections(operation.SelectionSet, root, visitedFragments);
    }

    private void Selections(GraphQLSelectionSet? selectionSet, IComplexGraphType? type, HashSet<string> visited)
    {
        foreach (var selection in selectionSet?.Selections ?? [])
        {
            if (!IsPlanned)
            {
                return;
            }

            switch (selection)
            {
                case GraphQLField field:
                    Field(field, type, visited);
                    break;
                case GraphQLInlineFragment inline:
                    Directed(inline);
                    Selections(inline.SelectionSet,
                        inline.TypeCondition is { } condition ? Named(condition.Type.Name.StringValue, type) : type,
                        visited);
                    break;
                case GraphQLFragmentSpread spread:
                    Directed(spread);
                    var name = spread.FragmentName.Name.StringValue;
                    if (visited.Add(name) && Document.FindFragmentDefinition(spread.FragmentName.Name) is { } fragment)
                    {
                        Directed(fragment);
                        Selections(fragment.SelectionSet, Named(fragment.TypeCondition.Type.Name.StringValue, type),
                            visited);
                    }

                    break;
            }
        }
    }

    private void Field(GraphQLField field, IComplexGraphType? type, HashSet<string> visited)
    {
        Directed(field);
        var name = field.Name.StringValue;
        var definition = name == Schema.TypeMetaFieldType.Name ? Schema.TypeMetaFieldType
            : name == Schema.TypeNameMetaFieldType.Name ? Schema.TypeNameMetaFieldType
            : name == Schema.SchemaMetaFieldType.Name ? Schema.SchemaMetaFieldType
            : type?.Fields.Find(field.Name.Value);
        if (definition is null)
        {
            // A validated document names only fields that exist: not the case this plan is for.
            IsPlanned = false;
            return;
        }

        if (field.Arguments is { Count: > 0 })
        {
            _fields.Add((field, definition));
        }

        // As the library does: into an object or interface with that type; into a union's selection (its fragments
        // name their types) with the type around it.
        switch (definition.ResolvedType?.GetNamedType())
        {
            case IComplexGraphType complex:
                Selections(field.SelectionSet, complex, visited);
                break;
            case UnionGraphType:
                Selections(field.SelectionSet, type, visited);
                break;
        }
    }

    // A fragment's type: an object or interface to look fields up in; a union's fragments keep the type around them
    // (the fragments inside name their own), as the library's walk does.
    private IComplexGraphType? Named(string name, IComplexGraphType? around) =>
        Schema.AllTypes[name]?.GetNamedType() switch
        {
            IComplexGraphType complex => complex,
            IAbstractGraphType => around,
            _ => Unplanned(around),
        };

    private IComplexGraphType? Unplanned(IComplexGraphType? type)
    {
        IsPlanned = false;
        return type;
    }

    private void Directed(IHasDirectivesNode node)
    {
        if (node.Directives is { Count: > 0 })
        {
            _directed.Add(node);
        }
    }
}
