using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Recording;

/// <summary>Declares a mutation field the one way: write group, one required <c>input</c>, the shared runner.</summary>
public static class MutationFields
{
    public static void AddWrite<TWrite, TInput>(this MutationType mutation)
        where TWrite : WriteOperation<TInput>, new()
        where TInput : WriteInput
    {
        ArgumentNullException.ThrowIfNull(mutation);
        var operation = new TWrite();
        mutation.Field<WritePayloadType<TWrite>>(FieldGroup.Write, operation.Name)
            .Description(operation.Description + " Errors: INVALID_INPUT (extensions.field names the input field; "
                + "all are reported together), ENTERPRISE_NOT_FOUND, DUPLICATE, IDEMPOTENCY_KEY_REUSED; "
                + "nothing is written on any error.")
            .Argument<NonNullGraphType<WriteInputType<TInput>>>("input", "What to record, with your idempotency key.")
            .ResolveAsync(c => MutationRunner.RunAsync(c, operation));
    }
}
