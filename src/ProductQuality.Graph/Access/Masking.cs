namespace ProductQuality.Graph.Access;

/// <summary>
/// Server-side masking of personal data; masked values keep the field's type so clients do not break.
/// </summary>
public static class Masking
{
    private static readonly string[] TownSuffixes = ["街道", "镇", "乡"];

    public static string? Apply(MaskKind kind, string? value) => value is null ? null : kind switch
    {
        MaskKind.PersonName => value.Length <= 1 ? "*" : value[..1] + new string('*', value.Length - 1),
        MaskKind.Phone => value.Length >= 7
            ? value[..3] + new string('*', value.Length - 7) + value[^4..]
            : new string('*', value.Length),
        MaskKind.Address => ToTown(value),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "This field cannot be masked."),
    };

    private static string ToTown(string address)
    {
        foreach (var suffix in TownSuffixes)
        {
            var at = address.IndexOf(suffix, StringComparison.Ordinal);
            if (at > 0)
            {
                return address[..(at + suffix.Length)] + "****";
            }
        }

        return address.Length > 6 ? address[..6] + "****" : "****";
    }
}
