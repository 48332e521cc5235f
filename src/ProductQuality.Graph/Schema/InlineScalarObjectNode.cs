using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;

namespace ProductQuality.Graph.Schema;

/// <summary>
/// An object's execution node whose scalar fields read from the source were resolved with the object
/// (<see cref="ReadExecutionStrategy"/>): their serialised values sit in <see cref="Values"/>, in selection order,
/// and only the object's other fields are child nodes (<see cref="ObjectExecutionNode.SubFields"/>), which the
/// library executes, completes and nulls as before. A page of 100 enterprises with their products had some 1,300
/// value nodes, each built, stacked, executed and validated to carry one string.
/// </summary>
/// <remarks>
/// No inline value is null where its type forbids it: such a field, or one whose read throws, becomes a child node
/// instead, which the library resolves again and reports (<see cref="ReadExecutionStrategy"/>). So null propagation
/// only ever starts from a child node, as the base class's <see cref="ObjectExecutionNode.PropagateNull"/> expects.
/// The server's result writer reads <see cref="Keys"/> and <see cref="Values"/>; anything else reads
/// <see cref="ToValue"/>.
/// </remarks>
internal sealed class InlineScalarObjectNode(
    ExecutionNode parent, IGraphType graphType, GraphQLField field, FieldType definition, int? indexInParentNode)
    : ObjectExecutionNode(parent, graphType, field, definition, indexInParentNode)
{
    /// <summary>The response keys in selection order (shared by every object of one selection); null when the
    /// fields were set up the library's way and every one is a child node.</summary>
    public string[]? Keys { get; private set; }

    /// <summary>For each key, its serialised value or, for a field that is not inline, its child node.</summary>
    public object?[]? Values { get; private set; }

    public void SetFields(string[] keys, object?[] values, ExecutionNode[] children)
    {
        Keys = keys;
        Values = values;
        SubFields = children;
    }

    public override object? ToValue()
    {
        if (SubFields is null || Keys is not { } keys || Values is not { } values)
        {
            return base.ToValue();
        }

        var fields = new Dictionary<string, object?>(keys.Length);
        for (var i = 0; i < keys.Length; i++)
        {
            fields.Add(keys[i], values[i] is ExecutionNode child ? child.ToValue() : values[i]);
        }

        return fields;
    }
}
