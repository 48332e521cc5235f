using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Recording;

/// <summary>Declares a mutation field the one way: write group, one required <c>input</c>, the shared runner.</summary>
public static class MutationFields
{
    public static void AddWrite<TInputType, TPayloadType, TInput>(this MutationType mutation, WriteOperation<TInput> operation, string description)
        where TInputType : WriteInputType<TInput>
        where TPayloadType : PayloadType
        where TInput : WriteInput
    {
        ArgumentNullException.ThrowIfNull(mutation);
        ArgumentNullException.ThrowIfNull(operation);
        mutation.Field<TPayloadType>(FieldGroup.Write, operation.Name)
            .Description(description + " Errors: INVALID_INPUT (extensions.field names the input field; all are reported together), ENTERPRISE_NOT_FOUND, DUPLICATE, IDEMPOTENCY_KEY_REUSED; nothing is written on any error.")
            .Argument<NonNullGraphType<TInputType>>("input", "What to record, with your idempotency key.")
            .ResolveAsync(c => MutationRunner.RunAsync(c, operation));
    }
}
