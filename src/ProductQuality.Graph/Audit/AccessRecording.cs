using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Blacklist;
using ProductQuality.Graph.Changes;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Recording;
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
            .Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal)).ToList();
        NoteTypeNames(schema, types);
        foreach (var type in types)
        {
            var (codeOf, groupOf) = (CodeReader(type), GroupReader(type));
            foreach (var field in type.Fields)
            {
                if (field.Resolver is not { } inner)
                {
                    continue;
                }

                FieldGroup? group = field.Metadata.TryGetValue(FieldMetadataKeys.Group, out var g) && g is FieldGroup fg
                    && fg != FieldGroup.Structure ? fg : null;
                // Whether the key was seen before, or the product a write touched, says nothing of the enterprise.
                var fieldCodeOf = type is PayloadType && field.Name is "replayed" or "product" ? null : codeOf;
                var arguments = ArgumentGroups.Reader(field);
                if (group is null && fieldCodeOf is null && groupOf is null && arguments is null)
                {
                    continue;
                }

                var noting = new Noting(group, fieldCodeOf, groupOf);

                field.Resolver = inner is ISourceReader reader && arguments is null
                    ? new NotingSourceReader(inner, reader, noting)
                    : new FuncFieldResolver<object?>(context =>
                    {
                        noting.Record(context.UserContext, context.Source);
                        if (arguments is not null
                            && context.UserContext is GraphQLUserContext { AccessTrace: { } trace })
                        {
                            foreach (var told in arguments(context))
                            {
                                trace.Touched(told);
                            }
                        }

                        return inner.ResolveAsync(context);
                    });
            }
        }
    }

    /// <summary>
    /// <c>__typename</c> on an enterprise's object answers that the caller may see that enterprise — what a bulk
    /// check's <c>known: true</c> says, which is logged — so it records the code too. It is one field shared by every
    /// type of the schema (never in a type's own fields), so it was the one way to confirm an enterprise unlogged.
    /// </summary>
    private static void NoteTypeNames(ISchema schema, IEnumerable<IObjectGraphType> types)
    {
        var readers = new Dictionary<IGraphType, Func<object?, string?>>(ReferenceEqualityComparer.Instance);
        foreach (var type in types)
        {
            if (CodeReader(type) is { } reader)
            {
                readers[type] = reader;
            }
        }

        var typeName = schema.TypeNameMetaFieldType;
        var inner = typeName.Resolver!;
        typeName.Resolver = new FuncFieldResolver<object?>(context =>
        {
            if (context.UserContext is GraphQLUserContext { AccessTrace: { } trace }
                && readers.TryGetValue(context.ParentType, out var codeOf) && codeOf(context.Source) is { } code)
            {
                trace.Returned(code);
            }

            return inner.ResolveAsync(context);
        });
    }

    /// <summary>What resolving one field tells the log: its group, the enterprise behind its source, and for a
    /// source whose group depends on its value (a change event), that group.</summary>
    private sealed record Noting(FieldGroup? Group, Func<object?, string?>? CodeOf,
        Func<object?, FieldGroup?>? GroupOf)
    {
        public void Record(IDictionary<string, object?> userContext, object? source)
        {
            if (userContext is not GraphQLUserContext { AccessTrace: { } trace })
            {
                return;
            }

            if (Group is { } touched)
            {
                trace.Touched(touched);
            }

            if (GroupOf?.Invoke(source) is { } told)
            {
                trace.Touched(told);
            }

            if (CodeOf?.Invoke(source) is { } code)
            {
                trace.Returned(code);
            }
        }
    }

    /// <summary>A field read from its source, noted: still read in one step by the execution strategy.</summary>
    private sealed class NotingSourceReader(IFieldResolver inner, ISourceReader reader, Noting noting)
        : IFieldResolver, INotingSourceReader
    {
        public ValueTask<object?> ResolveAsync(IResolveFieldContext context)
        {
            noting.Record(context.UserContext, context.Source);
            return inner.ResolveAsync(context);
        }

        public object? Read(object? source) => reader.Read(source);

        public bool ReadsNowOnly => reader.ReadsNowOnly;

        public void Note(IDictionary<string, object?> userContext, object? source) =>
            noting.Record(userContext, source);
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
        // A write's payload (the recorded fact, the enterprise after it) is that enterprise's data.
        PayloadType => source => (source as MutationResult)?.Enterprise?.CreditCode,
        _ => null,
    };

    /// <summary>
    /// The group a source's value tells, for a type whose fields are structural but whose events are not all of one
    /// group: a change event's new value is a class, a health code, a listing… (the feed's root field once tagged
    /// every event with the group of the contract's first kind, Class).
    /// </summary>
    private static Func<object?, FieldGroup?>? GroupReader(IObjectGraphType type) => type switch
    {
        ChangeEventType => source => source is ChangeEvent e ? ChangeKinds.GroupOf(e.Kind) : null,
        _ => null,
    };
}
