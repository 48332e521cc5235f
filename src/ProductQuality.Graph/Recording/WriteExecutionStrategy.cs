using GraphQL.Execution;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace ProductQuality.Graph.Recording;

/// <summary>
/// Mutations one at a time, each with its whole payload: the serial strategy defers data-loader fields until the
/// rest of the tree is done, which would let an earlier write's payload show the state after a later write. Running
/// the tree per root field completes each payload (batched loads included) before the next write starts.
/// </summary>
public sealed class WriteExecutionStrategy : Schema.ReadExecutionStrategy
{
    public override async Task ExecuteNodeTreeAsync(ExecutionContext context, ExecutionNode rootNode)
    {
        if (rootNode is RootExecutionNode { SubFields: { } writes })
        {
            foreach (var write in writes)
            {
                await base.ExecuteNodeTreeAsync(context, write);
            }

            return;
        }

        await base.ExecuteNodeTreeAsync(context, rootNode);
    }
}
