using GraphQL.Types;

namespace ProductQuality.Graph.Recording;

/// <summary>Base of every mutation input type: adds the required idempotency key.</summary>
public abstract class WriteInputType<TInput> : InputObjectGraphType<TInput>
    where TInput : WriteInput
{
    protected WriteInputType(string name, string description)
    {
        Name = name;
        Description = description;
        Field<NonNullGraphType<StringGraphType>>("idempotencyKey")
            .Description("Your unique key for this request (e.g. a UUID, at most 128 characters). Retrying with the same key and input records once and answers replayed=true; the same key with other input is refused (IDEMPOTENCY_KEY_REUSED). Keys are per department.");
    }
}
