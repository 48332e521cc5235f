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
        if (first < 0 || first > max)
        {
            throw new DomainException(ErrorCodes.PageTooLarge,
                $"'first' must be between 0 and {max}; it was {first}. Page through larger lists with 'after'.");
        }

        return first;
    }
}
