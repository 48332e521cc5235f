using ProductQuality.Graph.Access;

namespace ProductQuality.Graph.Recording;

/// <summary>The payload type of the write <typeparamref name="TWrite"/>, built by the schema like any type.</summary>
public sealed class WritePayloadType<TWrite>(SchemaContract contract) : PayloadType(contract, new TWrite())
    where TWrite : WriteDefinition, new();
