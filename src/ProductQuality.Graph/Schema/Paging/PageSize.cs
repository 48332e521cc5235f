using GraphQL;
using Microsoft.Extensions.Options;
using ProductQuality.Graph.Infrastructure.Http;

namespace ProductQuality.Graph.Schema.Paging;

/// <summary>Reads and checks <c>first</c>: at least 0, at most the configured cap.</summary>
public static class PageSize
{
    public const int Default = 50;

    public static int First(IResolveFieldContext context)
    {
        var max = context.Service<IOptions<GraphQLHttpOptions>>().Value.MaxPageSize;
        var first = context.GetArgument("first", Default);
        // A negative page is a mistake in the request, not a page too large: the code says which, as for 'limit'.
        if (first < 0)
        {
            throw new DomainException(ErrorCodes.InvalidArgument,
                $"'first' must be between 0 and {max}; it was {first}.", Facts(first, max));
        }

        if (first > max)
        {
            throw new DomainException(ErrorCodes.PageTooLarge,
                $"'first' must be between 0 and {max}; it was {first}. Page through larger lists with 'after'.",
                Facts(first, max));
        }

        return first;
    }

    // The numbers beside the code, as for every limit (and as 'limit' gives them), so a client can adjust without
    // reading the sentence (the protocol probe).
    private static Dictionary<string, object?> Facts(int first, int max) =>
        new() { ["argument"] = "first", ["firstAsked"] = first, ["limit"] = max };
}
