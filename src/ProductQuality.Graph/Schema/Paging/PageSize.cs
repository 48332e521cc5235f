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
                $"'first' must be between 0 and {max}; it was {first}.",
                new Dictionary<string, object?> { ["argument"] = "first" });
        }

        if (first > max)
        {
            throw new DomainException(ErrorCodes.PageTooLarge,
                $"'first' must be between 0 and {max}; it was {first}. Page through larger lists with 'after'.",
                new Dictionary<string, object?> { ["argument"] = "first" });
        }

        return first;
    }
}
