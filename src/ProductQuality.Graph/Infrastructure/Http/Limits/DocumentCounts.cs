namespace ProductQuality.Graph.Infrastructure.Http.Limits;

/// <summary>
/// What a document asks of validation: operations, aliases, fields, and of them the introspection fields
/// (<c>__schema</c>, <c>__type</c>), fragments counted at each spread.
/// </summary>
internal readonly record struct DocumentCounts(long Operations, long Aliases, long Fields, long Introspections);
