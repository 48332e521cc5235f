using GraphQL;
using GraphQL.Introspection;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace ProductQuality.Graph.Schema;

/// <summary>
/// Brings introspection up to the current specification so clients asking for everything (graphql-js
/// <c>getIntrospectionQuery</c> with all options) get answers: GraphQL.NET's features add
/// <c>__Directive.isRepeatable</c> and <c>includeDeprecated</c> on field args and input fields; the two it lacks,
/// <c>__Type.specifiedByURL</c> and <c>includeDeprecated</c> on directive args, are added here. No input value
/// and no scalar of ours is deprecated or has a specification URL, so these only answer false, all or null.
/// </summary>
internal static class IntrospectionFeatures
{
    public const string SpecifiedByUrl = "specifiedByURL";
    private const string IncludeDeprecated = "includeDeprecated";

    public static void Enable(ISchema schema)
    {
        schema.Features.RepeatableDirectives = true;
        schema.Features.DeprecationOfInputValues = true;
        schema.Filter = new SpecificationFilter();
    }

    /// <summary>
    /// GraphQL.NET's default filter hides <c>__Directive.isRepeatable</c> from introspection's own field lists (a
    /// draft when it was written; in the specification since October 2021) while answering it, so a client that
    /// first asks which fields introspection has (Apollo Kotlin) never asked for it. Listed here as answered.
    /// </summary>
    private sealed class SpecificationFilter : DefaultSchemaFilter
    {
        public override Task<bool> AllowField(IGraphType parent, IFieldType field) =>
            parent is __Directive && field.Name == "isRepeatable" ? Allowed : base.AllowField(parent, field);
    }

    /// <summary>
    /// <c>__type(name: "")</c>: GraphQL.NET looks the empty name up and throws (an internal error); for a name no type
    /// has, the spec's answer is null, as the library gives for any other unknown name. Set once the schema is
    /// initialized: reading the meta-field before that initializes the schema too early.
    /// </summary>
    public static void AnswerEmptyTypeNamesWithNull(ISchema schema) =>
        schema.TypeMetaFieldType.Resolver = new FuncFieldResolver<object?>(context =>
            context.GetArgument<string>("name") is { Length: > 0 } name ? context.Schema.AllTypes[name] : null);

    /// <summary>Called for every type before the schema initializes it, introspection types included.</summary>
    public static void Complete(IGraphType graphType)
    {
        if (graphType is __Type type && !type.HasField(SpecifiedByUrl))
        {
            type.Field<StringGraphType>(SpecifiedByUrl).Resolve(_ => null);
        }

        if (graphType is __Directive directive && directive.GetField("args") is { } args
            && args.Arguments?.Find(IncludeDeprecated) is null)
        {
            args.Arguments ??= [];
            args.Arguments.Add(new QueryArgument<BooleanGraphType> { Name = IncludeDeprecated, DefaultValue = false });
        }
    }
}
