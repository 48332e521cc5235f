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
        ConditionalWeakTable<GraphQLSelectionSet, ReferenceKeyedValues<IObjectGraphType, PlannedField[]?>>
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
            && node.FieldDefinition.Resolver is ISourceReader reader)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            try
            {
                (reader as INotingSourceReader)?.Note(context.UserContext, node.Source);
                node.Result = value.GraphType.Serialize(reader.Read(node.Source));
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

    protected override void SetSubFieldNodes(ExecutionContext context, ObjectExecutionNode parent)
    {
        var parentType = parent.GetObjectGraphType(context.Schema);
        if (parentType is null || parent.SelectionSet is not { } selectionSet
            || PlanFor(context, parentType, selectionSet) is not { } plan)
        {
            base.SetSubFieldNodes(context, parent);
            return;
        }

        var subFields = new ExecutionNode[plan.Length];
        for (var i = 0; i < plan.Length; i++)
        {
            var (field, definition) = plan[i];
            subFields[i] = BuildExecutionNode(parent, definition.ResolvedType!, field, definition);
        }

        parent.SubFields = subFields;
    }

    /// <summary>The selection's fields in order with their definitions; null when it is not a plain selection.
    /// </summary>
    private PlannedField[]? PlanFor(ExecutionContext context, IObjectGraphType type, GraphQLSelectionSet selectionSet)
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

    private PlannedField[]? Plan(ISchema schema, IObjectGraphType type, GraphQLSelectionSet selectionSet)
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

            plan[i] = new PlannedField(field, definition);
        }

        return plan;
    }

    private static GraphQLParser.ROM ResponseKey(GraphQLField field) => (field.Alias?.Name ?? field.Name).Value;

    private readonly record struct PlannedField(GraphQLField Field, FieldType Definition);
}
