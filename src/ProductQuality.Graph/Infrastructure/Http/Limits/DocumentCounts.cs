namespace ProductQuality.Graph.Infrastructure.Http.Limits;

/// <summary>What a document asks of validation: operations, aliases and fields, fragments counted at every spread.</summary>
internal readonly record struct DocumentCounts(long Operations, long Aliases, long Fields);
