using System.Runtime.CompilerServices;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using ProductQuality.Graph.Infrastructure;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace ProductQuality.Graph.Schema;

/// <summary>
/// GraphQL.NET's serial strategy, with each object's fields collected once per selection set and type rather than
/// once per object. The library collects them for every object it completes: a page of 100 enterprises with their
/// products walks the same selection sets some 400 times, looking each field up by name, to build the same list.
/// Only plain selections are planned once: fields without directives, no fragments, no response key twice. Anything
/// else (@skip/@include, whose answer depends on variables; fragments; fields merged under one key) goes the
/// library's way on every object, as before.
/// </summary>
public class ReadExecutionStrategy : SerialExecutionStrategy
{
    // Weak keys: a plan lives as long as its parsed document (the document cache keeps the ones in use).
    // One plan per object type the selection set is completed for (one, but for interfaces).
    private static readonly
        ConditionalWeakTable<GraphQLSelectionSet, ReferenceKeyedValues<IObjectGraphType, SelectionPlan?>>
        PlansBySelectionSet = new();

    /// <summary>
    /// A scalar field read from its source (<see cref="ISourceReader"/>: most fields of a page) is resolved, serialised
    /// and checked here, synchronously. The library's path would set up a resolver context, run an async state
    /// machine and test the value against two interfaces for each of them: a page of 100 enterprises with their
    /// products has some 1,000 such fields. Any exception sends the field the library's way instead, which reads it
    /// again and reports the error exactly as for every other field (the read has no side effects; the access log's
    /// note, <see cref="INotingSourceReader"/>, adds to sets, so making it twice changes nothing).
    /// </summary>
    /// <remarks>
    /// Skipping the resolver is safe because every per-field check here wraps it: masking and the access log replace
    /// the field's resolver, and a wrapper is an <see cref="ISourceReader"/> only when it says what must happen first
    /// (the log's <see cref="INotingSourceReader"/>). GraphQL.NET's field middleware wraps it the same way. A new
    /// per-field check must wrap the resolver too (not, say, override how the strategy picks it), or it would be
    /// skipped here.
    /// </remarks>
    protected override Task ExecuteNodeAsync(ExecutionContext context, ExecutionNode node)
    {
        // An item of a list of scalars is a value node too, but the list's completion has already set it.
        if (node is ValueExecutionNode value && node.Parent is not ArrayExecutionNode
            && node.FieldDefinition.Resolver is ISourceReader reader && (!reader.ReadsNowOnly || AboutNow(context)))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            try
            {
                node.Result = ReadScalar(context, reader, value.GraphType, node.Source);
                ValidateNodeResult(context, node);
                return Task.CompletedTask;
            }
#pragma warning disable CA1031 // Not swallowed: the library's path below meets it again and reports it.
            catch (Exception)
#pragma warning restore CA1031
            {
                node.Result = null;
            }
        }

        return base.ExecuteNodeAsync(context, node);
    }

    /// <summary>An object is built as an <see cref="InlineScalarObjectNode"/>, ready for its scalars inline.</summary>
    protected override ExecutionNode BuildExecutionNode(ExecutionNode parent, IGraphType graphType, GraphQLField field,
        FieldType fieldDefinition, int? indexInParentNode = null)
    {
        var type = graphType is NonNullGraphType nonNull ? nonNull.ResolvedType! : graphType;
        return type is IObjectGraphType
            ? new InlineScalarObjectNode(parent, type, field, fieldDefinition, indexInParentNode)
            : base.BuildExecutionNode(parent, graphType, field, fieldDefinition, indexInParentNode);
    }

    protected override void SetSubFieldNodes(ExecutionContext context, ObjectExecutionNode parent)
    {
        var parentType = parent.GetObjectGraphType(context.Schema);
        if (parentType is null || parent.SelectionSet is not { } selectionSet
            || PlanFor(context, parentType, selectionSet) is not { } plan)
        {
            base.SetSubFieldNodes(context, parent);
            return;
        }

        if (plan.InlineCount > 0 && parent is InlineScalarObjectNode inline)
        {
            SetInlineFields(context, inline, plan);
            return;
        }

        var subFields = new ExecutionNode[plan.Fields.Length];
        for (var i = 0; i < plan.Fields.Length; i++)
        {
            var planned = plan.Fields[i];
            subFields[i] = BuildExecutionNode(parent, planned.Definition.ResolvedType!, planned.Field,
                planned.Definition);
        }

        parent.SubFields = subFields;
    }

    /// <summary>
    /// Reads the object's inline scalars now (<see cref="InlineScalarObjectNode"/>) and builds nodes for the rest. A
    /// scalar whose read throws, or gives null where its type forbids it, becomes a node after all: the library's way
    /// (through <see cref="ExecuteNodeAsync"/>) reads it again and reports the error, with its path, as before.
    /// </summary>
    private void SetInlineFields(ExecutionContext context, InlineScalarObjectNode parent, SelectionPlan plan)
    {
        context.CancellationToken.ThrowIfCancellationRequested();
        var source = parent.Result;
        var values = new object?[plan.Fields.Length];
        var children = plan.Fields.Length == plan.InlineCount
            ? []
            : new ExecutionNode[plan.Fields.Length - plan.InlineCount];
        var childCount = 0;
        // A field read from its source only about now (a product's tier) is a node under an asOf.
        var aboutNow = !plan.AnyReadsNowOnly || AboutNow(context);
        for (var i = 0; i < plan.Fields.Length; i++)
        {
            var planned = plan.Fields[i];
            if (planned.Inline is { } scalar && (aboutNow || !planned.ReadsNowOnly)
                && TryReadInline(context, planned, scalar, source, out var value))
            {
                values[i] = value;
                continue;
            }

            var child = BuildExecutionNode(parent, planned.Definition.ResolvedType!, planned.Field, planned.Definition);
            if (childCount == children.Length)
            {
                Array.Resize(ref children, childCount + 1);
            }

            children[childCount++] = child;
            values[i] = child;
        }

        parent.SetFields(plan.Keys, values, children);
    }

    private static bool TryReadInline(ExecutionContext context, PlannedField planned, ScalarGraphType scalar,
        object? source, out object? value)
    {
        try
        {
            value = ReadScalar(context, (ISourceReader)planned.Definition.Resolver!, scalar, source);
            return value is not null || planned.Definition.ResolvedType is not NonNullGraphType;
        }
#pragma warning disable CA1031 // Not swallowed: the field becomes a node, and the library's path reports it.
        catch (Exception)
#pragma warning restore CA1031
        {
            value = null;
            return false;
        }
    }

    private static bool AboutNow(ExecutionContext context) =>
        !History.AsOfArgument.MayAskAboutThePast(context.Document, context.Operation);

    /// <summary>A scalar read from its source in one step: the access log's note first, as the resolver makes it.
    /// </summary>
    private static object? ReadScalar(ExecutionContext context, ISourceReader reader, ScalarGraphType scalar,
        object? source)
    {
        (reader as INotingSourceReader)?.Note(context.UserContext, source);
        return scalar.Serialize(reader.Read(source));
    }

    /// <summary>The selection's fields in order with their definitions; null when it is not a plain selection.
    /// </summary>
    private SelectionPlan? PlanFor(ExecutionContext context, IObjectGraphType type, GraphQLSelectionSet selectionSet)
    {
        var plans = PlansBySelectionSet.GetValue(selectionSet, static _ => new());
        if (plans.TryGet(type, out var known))
        {
            return known;
        }

        var plan = Plan(context.Schema, type, selectionSet);
        plans.Add(type, plan);
        return plan;
    }

    private SelectionPlan? Plan(ISchema schema, IObjectGraphType type, GraphQLSelectionSet selectionSet)
    {
        var selections = selectionSet.Selections;
        var plan = new PlannedField[selections.Count];
        for (var i = 0; i < selections.Count; i++)
        {
            if (selections[i] is not GraphQLField { Directives: null } field
                || GetFieldDefinition(schema, type, field) is not { } definition)
            {
                return null;
            }

            for (var j = 0; j < i; j++)
            {
                if (ResponseKey(plan[j].Field) == ResponseKey(field))
                {
                    return null;
                }
            }

            // A scalar read from its source alone goes inline; lists, objects and every other resolver get a node.
            var resolved = definition.ResolvedType is NonNullGraphType nonNull
                ? nonNull.ResolvedType
                : definition.ResolvedType;
            var reader = definition.Resolver as ISourceReader;
            var inline = reader is not null ? resolved as ScalarGraphType : null;
            plan[i] = new PlannedField(field, definition, inline, inline is not null && reader!.ReadsNowOnly);
        }

        return new SelectionPlan(plan,
            [.. plan.Select(p => p.Field.Alias?.Name.StringValue ?? p.Definition.Name)],
            plan.Count(p => p.Inline is not null), plan.Any(p => p.ReadsNowOnly));
    }

    private static GraphQLParser.ROM ResponseKey(GraphQLField field) => (field.Alias?.Name ?? field.Name).Value;

    private readonly record struct PlannedField(GraphQLField Field, FieldType Definition, ScalarGraphType? Inline,
        bool ReadsNowOnly);

    /// <summary>
    /// A plain selection's fields, their response keys, how many of them may be read inline, and whether any of those
    /// only in an operation about now.
    /// </summary>
    private sealed record SelectionPlan(PlannedField[] Fields, string[] Keys, int InlineCount, bool AnyReadsNowOnly);
}
