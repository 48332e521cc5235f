using System.Globalization;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Enterprises;

/// <summary>
/// A list of credit codes sent to a bulk field (<c>blacklistCheck</c>, <c>enterpriseStatuses</c>), item by item:
/// each code is validated as <c>enterprise</c> validates one, and a repeat points at its first occurrence. Only the
/// size of the list fails the whole request; a malformed, repeated or unknown code is one item's answer.
/// </summary>
public sealed class CreditCodeBatch
{
    /// <summary>The error code of a list longer than the field accepts.</summary>
    public const string TooManyCodes = "TOO_MANY_CODES";

    private CreditCodeBatch(IReadOnlyList<CreditCodeItem> items, IReadOnlyList<string> distinctValid) =>
        (Items, DistinctValid) = (items, distinctValid);

    /// <summary>One item per input code, in input order.</summary>
    public IReadOnlyList<CreditCodeItem> Items { get; }

    /// <summary>The well-formed codes, each once, in order of first occurrence: what is looked up.</summary>
    public IReadOnlyList<string> DistinctValid { get; }

    /// <summary>Reads the list; more than <paramref name="limit"/> codes is TOO_MANY_CODES naming the limit.</summary>
    public static CreditCodeBatch Read(IReadOnlyList<string>? codes, int limit, string field)
    {
        codes ??= [];
        if (codes.Count > limit)
        {
            var message = string.Create(CultureInfo.InvariantCulture,
                $"{field} received {codes.Count:N0} credit codes; at most {limit:N0} are accepted in one request.");
            throw new DomainException(TooManyCodes, message + " Split the list into several requests.",
                new Dictionary<string, object?>
                {
                    ["argument"] = "creditCodes", ["count"] = codes.Count, ["limit"] = limit,
                });
        }

        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var items = new List<CreditCodeItem>(codes.Count);
        var distinct = new List<string>();
        for (var i = 0; i < codes.Count; i++)
        {
            var code = codes[i] ?? string.Empty;
            if (first.TryGetValue(code, out var earlier))
            {
                items.Add(items[earlier] with { Index = i, DuplicateOf = earlier });
                continue;
            }

            first[code] = i;
            var check = CreditCode.Validate(code);
            items.Add(new CreditCodeItem(i, code, check.IsValid, check.Problem, null));
            if (check.IsValid)
            {
                distinct.Add(code);
            }
        }

        return new CreditCodeBatch(items, distinct);
    }
}
