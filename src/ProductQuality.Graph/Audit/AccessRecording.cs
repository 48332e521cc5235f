using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Blacklist;
using ProductQuality.Graph.Changes;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Schema;
using ProductQuality.Graph.Supervision;

namespace ProductQuality.Graph.Audit;

/// <summary>
/// Wraps every field's resolver, once when the schema is built, so the access log learns what an answer really
/// returned, whatever root field led there: the field group of each field resolved, and for a field of an object
/// that holds one enterprise's data, that enterprise's credit code. A page of 100 enterprises resolves fields of 100
/// <c>Enterprise</c> objects and so records 100 codes, though the request named none; a bulk check records the codes
/// it knew (an unknown or out-of-scope code has no enterprise behind it and returns nobody's data).
/// </summary>
internal static class AccessRecording
{
    public static void Apply(ISchema schema)
    {
        var types = schema.AllTypes.OfType<IObjectGraphType>()
            .Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal));
        foreach (var type in types)
        {
            var codeOf = CodeReader(type);
            foreach (var field in type.Fields)
            {
                if (field.Resolver is not { } inner)
                {
                    continue;
                }

                FieldGroup? group = field.Metadata.TryGetValue(FieldMetadataKeys.Group, out var g) && g is FieldGroup fg
                    && fg != FieldGroup.Structure ? fg : null;
                if (group is null && codeOf is null)
                {
                    continue;
                }

                field.Resolver = inner is ISourceReader reader
                    ? new NotingSourceReader(inner, reader, group, codeOf)
                    : new FuncFieldResolver<object?>(context =>
                    {
                        Record(context.UserContext, group, codeOf, context.Source);
                        return inner.ResolveAsync(context);
                    });
            }
        }
    }

    private static void Record(IDictionary<string, object?> userContext, FieldGroup? group,
        Func<object?, string?>? codeOf, object? source)
    {
        if (userContext is not GraphQLUserContext { AccessTrace: { } trace })
        {
            return;
        }

        if (group is { } touched)
        {
            trace.Touched(touched);
        }

        if (codeOf?.Invoke(source) is { } code)
        {
            trace.Returned(code);
        }
    }

    /// <summary>A field read from its source, noted: still read in one step by the execution strategy.</summary>
    private sealed class NotingSourceReader(IFieldResolver inner, ISourceReader reader, FieldGroup? group,
        Func<object?, string?>? codeOf) : IFieldResolver, INotingSourceReader
    {
        public ValueTask<object?> ResolveAsync(IResolveFieldContext context)
        {
            Record(context.UserContext, group, codeOf, context.Source);
            return inner.ResolveAsync(context);
        }

        public object? Read(object? source) => reader.Read(source);

        public void Note(IDictionary<string, object?> userContext, object? source) =>
            Record(userContext, group, codeOf, source);
    }

    /// <summary>How to read the enterprise behind an object of this type; null for a type about no one enterprise.
    /// </summary>
    private static Func<object?, string?>? CodeReader(IObjectGraphType type) => type switch
    {
        EnterpriseType => source => (source as Enterprise)?.CreditCode,
        EnterpriseStatusType => source => (source as EnterpriseStatus)?.Enterprise?.CreditCode,
        BlacklistCheckResultType => source =>
            source is BlacklistCheckResult { Standing: not null } r ? r.Item.Code : null,
        InspectionPlanEntryType => source => (source as InspectionPlanEntry)?.Enterprise.CreditCode,
        // A change event tells an enterprise's class, colour or listing: its data (a product tier change: no one's).
        ChangeEventType => source => (source as ChangeEvent)?.CreditCode,
        _ => null,
    };
}
