using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Infrastructure;

namespace ProductQuality.Graph.Recording;

/// <summary>A recorded document number as the duplicate check reads it, whatever the fact's own columns.</summary>
public sealed class NumberedRow
{
    public string Authority { get; init; } = "";

    public int EnterpriseId { get; init; }

    public string Number { get; init; } = "";
}

/// <summary>
/// Who recorded a sampling report or decision number already, in the writer's own register or in the enterprise's
/// record (which the writer, city or the enterprise's county, reads whole): another county's numbers are neither
/// checked nor revealed. Checked by the writer's bureau alone, the city recorded a county's failed sampling again
/// for the same enterprise and it counted twice towards the class (the access probe).
/// </summary>
internal static class NumberHolder
{
    /// <summary>The bureau holding the number, the writer's own first; null when none the writer may ask.</summary>
    public static async Task<string?> FindAsync(WriteScope scope, IQueryable<NumberedRow> rows, int? enterpriseId,
        string[] forms, CancellationToken ct)
    {
        var holders = await rows
            .Where(r => (r.Authority == scope.Authority || r.EnterpriseId == enterpriseId)
                && (forms.Contains(r.Number) || forms.Contains(StoredNumberCapitals.Of(r.Number))))
            .Select(r => r.Authority).Distinct().ToListAsync(ct);
        return holders.Contains(scope.Authority) ? scope.Authority : holders.FirstOrDefault();
    }

    /// <summary>The DUPLICATE message: "Report number 'X' is already recorded by your bureau; a report …".</summary>
    public static string Taken(WriteScope scope, string holder, string label, string number) =>
        holder == scope.Authority
            ? $"{label} number '{Quoted.Start(number)}' is already recorded by your bureau; a "
                + $"{label.ToLowerInvariant()} is recorded once. Check the number."
            : $"{label} number '{Quoted.Start(number)}' is already recorded for this enterprise by "
                + $"{IssuingAuthority.Named(holder)}; a {label.ToLowerInvariant()} is recorded once, and the "
                + "enterprise's record counts it already. Check the number.";
}
