using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;

namespace ProductQuality.Graph.Infrastructure.Http;

/// <summary>
/// The depth limit (<see cref="GraphQLHttpOptions.MaxDepth"/>), measured as GraphQL.NET measures it (fragments
/// followed), refused like every other limit: code <c>QUERY_TOO_DEEP</c>, the measured depth and the limit in
/// <c>extensions</c>, and what to do. The library's own error said "Maximum depth is 22 levels" of a query's depth,
/// under the undocumented code COMPLEXITY and with no numbers a client could read (the docs probe).
/// </summary>
internal sealed class DepthRule(int maxDepth) : ComplexityValidationRule(new ComplexityOptions { MaxDepth = maxDepth })
{
    public const string Code = "QUERY_TOO_DEEP";

    protected override ValueTask ValidateComplexityAsync(
        ValidationContext context, double totalComplexity, int maxDepth)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (maxDepth > Options.MaxDepth)
        {
            context.ReportError(new TooDeepError(context, maxDepth, Options.MaxDepth.Value));
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The refusal, with <c>depth</c> and <c>limit</c> beside its code.</summary>
    internal sealed class TooDeepError : ValidationError, Schema.IErrorFacts
    {
        public TooDeepError(ValidationContext context, int depth, int limit)
            : base(context.Document.Source, null, $"The query nests {depth} levels deep; the limit is {limit}. Ask "
                + "for fewer nested levels, and follow deep relations (a region's parent or children, an enterprise's "
                + "products' histories) in further requests.", context.Operation)
        {
            Code = DepthRule.Code;
            Extra = new Dictionary<string, object?> { ["depth"] = depth, ["limit"] = limit };
        }

        public IReadOnlyDictionary<string, object?> Extra { get; }
    }
}
