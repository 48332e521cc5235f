using ProductQuality.Graph.Rules.Regions;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Regions;

/// <summary>
/// A county code a caller gives to narrow an answer: one of Jiaxing's seven, or INVALID_ARGUMENT naming them. An
/// unknown or mistyped code ("33048", "abc") answered an empty list, which reads as "nothing there".
/// </summary>
internal static class CountyArgument
{
    /// <summary>The code, when null or a county of Jiaxing; otherwise the refusal.</summary>
    public static string? Checked(string? code, string argument)
    {
        if (code is null || JiaxingCounties.IsCounty(code))
        {
            return code;
        }

        throw new DomainException(ErrorCodes.InvalidArgument,
            $"'{Infrastructure.Quoted.Start(code)}' is not a county of Jiaxing: give {argument} as "
            + $"{JiaxingCounties.Described} (GB/T 2260).",
            new Dictionary<string, object?> { ["argument"] = argument });
    }
}
