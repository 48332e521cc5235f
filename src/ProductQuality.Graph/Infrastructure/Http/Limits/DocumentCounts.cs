namespace ProductQuality.Graph.Infrastructure.Http.Limits;

/// <summary>What a document asks of validation: operations, aliases, fields (fragments counted at each spread).
/// </summary>
internal readonly record struct DocumentCounts(long Operations, long Aliases, long Fields);
