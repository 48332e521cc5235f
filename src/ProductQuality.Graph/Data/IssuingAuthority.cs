using ProductQuality.Graph.Access;

namespace ProductQuality.Graph.Data;

/// <summary>
/// The bureau that issued a document number (文号, 报告编号): the city bureau (330400) or a county bureau (3304xx).
/// Numbers are unique within their authority, not across the city: a county's register is its own, and a duplicate
/// check that looked across counties would tell a county bureau that another county used a number.
/// </summary>
public static class IssuingAuthority
{
    /// <summary>The city bureau's region code; the authority of the generated data and of the rules' numbers.</summary>
    public const string City = "330400";

    /// <summary>Region codes are 6 digits.</summary>
    public const int MaxLength = 6;

    /// <summary>The bureau in words, for messages: "the city bureau (330400)", "the county bureau of 330481".
    /// </summary>
    public static string Named(string authority) =>
        authority == City ? $"the city bureau ({City})" : $"the county bureau of {authority}";

    /// <summary>The writer's authority: its county for a county bureau, otherwise the city bureau.</summary>
    public static string Of(Audience audience)
    {
        ArgumentNullException.ThrowIfNull(audience);
        return audience.Rows.Authority;
    }
}
