using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Data;

namespace ProductQuality.Graph.Explorer;

/// <summary>
/// The regulator's examples as a county bureau runs them. The files name enterprises of one county (and a county
/// for the class-C list), so a county bureau's tabs asked about enterprises outside its jurisdiction: every example
/// answered "not found" or refused the write, and its variables showed the bureau other counties' credit codes.
/// Here each such code becomes an enterprise of the bureau's own county that fits the example the same way (listed
/// or not, making the example's product, the override revision it expects), a county becomes the bureau's own, and a
/// bulletin is about the county.
/// </summary>
internal sealed class CountyExampleVariables(ProductQualityDbContext db, string county)
{
    private static readonly string[] CodeProperties = ["code", "creditCode"];
    private readonly Dictionary<string, string> _standIns = new(StringComparer.Ordinal);

    public async Task<JsonElement?> AdaptAsync(JsonElement? variables, CancellationToken ct)
    {
        if (variables is not { ValueKind: JsonValueKind.Object } given)
        {
            return variables;
        }

        var root = JsonNode.Parse(given.GetRawText())!.AsObject();
        await AdaptAsync(root, ct);
        return JsonSerializer.SerializeToElement(root);
    }

    private async Task AdaptAsync(JsonObject node, CancellationToken ct)
    {
        if (node["county"] is JsonValue countyValue && countyValue.TryGetValue<string>(out _))
        {
            node["county"] = county;
        }

        // A bulletin (风险预警) of a county bureau concerns its own county; the city's may be city-wide.
        if (node.ContainsKey("scope") && node.ContainsKey("issuedOn") && !node.ContainsKey("regionCode"))
        {
            node["regionCode"] = county;
        }

        foreach (var property in CodeProperties)
        {
            if (node[property] is JsonValue value && value.TryGetValue<string>(out var code))
            {
                await StandInAsync(node, property, code, ct);
            }
        }

        foreach (var child in node.Select(p => p.Value).OfType<JsonObject>().ToList())
        {
            await AdaptAsync(child, ct);
        }
    }

    /// <summary>
    /// Puts an enterprise of the county in place of one outside it, keeping what the example relies on. One
    /// enterprise of the files stands for one of the county throughout, and two never for the same one: the files
    /// keep a listing's example apart from the penalty's, which could list its enterprise first.
    /// </summary>
    private async Task StandInAsync(JsonObject node, string property, string code, CancellationToken ct)
    {
        var product = node["productCode"] is JsonValue p && p.TryGetValue<string>(out var productCode)
            ? productCode
            : null;
        if (!_standIns.TryGetValue(code, out var standIn))
        {
            standIn = await ChooseAsync(code, product, Listing(node), ct);
            if (standIn is null)
            {
                return;
            }

            _standIns[code] = standIn;
        }

        var chosen = await db.Enterprises.AsNoTracking()
            .Where(e => e.CreditCode == standIn)
            .Select(e => new
            {
                e.OverrideRevision,
                Makes = db.EnterpriseProducts.Where(m => m.EnterpriseId == e.Id)
                    .OrderBy(m => m.ProductCode).Select(m => m.ProductCode).ToList(),
            })
            .SingleAsync(ct);
        node[property] = standIn;
        // A fact about a product is recorded only for its maker: the stand-in's own product when it lacks this one.
        if (product is not null && !chosen.Makes.Contains(product) && chosen.Makes.Count > 0)
        {
            node["productCode"] = chosen.Makes[0];
        }

        if (node.ContainsKey("expectedRevision"))
        {
            node["expectedRevision"] = chosen.OverrideRevision;
        }
    }

    /// <summary>
    /// Whether a blacklist decision's enterprise must be listed (a removal) or not (a listing); null for any other
    /// example. Asked of the example, not of the original enterprise, which running the city's example has listed.
    /// </summary>
    private static bool? Listing(JsonObject node) =>
        node["action"] is JsonValue action && action.TryGetValue<string>(out var value)
            ? value switch { "LIST" => false, "REMOVE" => true, _ => null }
            : null;

    /// <summary>The county's enterprise for one outside it; null for the county's own or an unknown code.</summary>
    private async Task<string?> ChooseAsync(string code, string? product, bool? listed, CancellationToken ct)
    {
        var original = await db.Enterprises.AsNoTracking()
            .Where(e => e.CreditCode == code)
            .Select(e => new { e.CountyCode, e.IsBlacklisted })
            .FirstOrDefaultAsync(ct);
        if (original is null || original.CountyCode == county)
        {
            return null;
        }

        var taken = _standIns.Values.ToList();
        var blacklisted = listed ?? original.IsBlacklisted;
        return await db.Enterprises.AsNoTracking()
            .Where(e => e.CountyCode == county && e.IsBlacklisted == blacklisted)
            .Where(e => !taken.Contains(e.CreditCode))
            .OrderByDescending(e => product != null
                && db.EnterpriseProducts.Any(m => m.EnterpriseId == e.Id && m.ProductCode == product))
            // Never listed where one fits: a past listing can still cover the day a listing example is dated.
            .ThenBy(e => db.BlacklistEvents.Any(b => b.EnterpriseId == e.Id))
            .ThenBy(e => e.CreditCode)
            .Select(e => e.CreditCode)
            .FirstOrDefaultAsync(ct);
    }
}
