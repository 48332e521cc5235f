using ProductQuality.Graph.Data;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Regions;
using ProductQuality.Graph.Warnings;

namespace ProductQuality.Graph.Access;

/// <summary>
/// Which rows an audience reads and writes (ACCESS.md principle 2): the whole city, one county, or for the public
/// only the enterprises on the published lists. The one place the county condition is written: every loader, query
/// and write asks it, so a county bureau's jurisdiction cannot differ from one feature to the next. Each condition
/// is applied in the SQL, so lists, counts and cursors never see a row outside it.
/// </summary>
public sealed class RowScope
{
    private RowScope(string? county, bool publishedOnly, string? enterprise = null) =>
        (County, PublishedOnly, Enterprise) = (county, publishedOnly, enterprise);

    /// <summary>The city regulator and city-wide partners: every row.</summary>
    public static RowScope City { get; } = new(null, false);

    /// <summary>The public: enterprises only through the published lists, never as a directory.</summary>
    public static RowScope PublishedLists { get; } = new(null, true);

    /// <summary>The county code (3304xx) the rows are limited to; null when not limited to one county.</summary>
    public string? County { get; }

    /// <summary>Whether enterprises are reached only through the published lists (blacklist, assured units).</summary>
    public bool PublishedOnly { get; }

    /// <summary>An enterprise token's own credit code: the one enterprise it reads; null for everyone else.</summary>
    public string? Enterprise { get; }

    /// <summary>The bureau whose register the audience's document numbers go in: its county, else the city.</summary>
    public string Authority => County ?? IssuingAuthority.City;

    /// <summary>A county bureau's scope.</summary>
    public static RowScope OfCounty(string county) => new(county, false);

    /// <summary>An enterprise reading about itself: its own row and no region, bulletin or other enterprise.</summary>
    public static RowScope OfEnterprise(string creditCode) => new(null, false, creditCode);

    /// <summary>Whether a region is within the scope (its own county, or anywhere for a city-wide scope).</summary>
    public bool Covers(Region region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return Enterprise is null && (County is null || region.CountyCode == County);
    }

    /// <summary>The enterprises in scope.</summary>
    public IQueryable<Enterprise> Enterprises(IQueryable<Enterprise> enterprises)
    {
        if (PublishedOnly)
        {
            return enterprises.Where(e => e.IsBlacklisted || e.IsAssured);
        }

        if (Enterprise is { } own)
        {
            return enterprises.Where(e => e.CreditCode == own);
        }

        var county = County;
        return county is null ? enterprises : enterprises.Where(e => e.CountyCode == county);
    }

    /// <summary>
    /// The region tree as the audience walks it: a county bureau has the city as its root, its own county and
    /// towns, and nothing of other counties.
    /// </summary>
    public IQueryable<Region> RegionTree(IQueryable<Region> regions)
    {
        var county = County;
        if (Enterprise is not null)
        {
            return regions.Where(r => false);
        }

        return county is null
            ? regions
            : regions.Where(r => r.Code == RegionQueries.CityCode || r.CountyCode == county);
    }

    /// <summary>The counties and towns in scope (the four-colour map), without the city root.</summary>
    public IQueryable<Region> CountyRegions(IQueryable<Region> regions)
    {
        var county = County;
        if (Enterprise is not null)
        {
            return regions.Where(r => false);
        }

        return county is null ? regions : regions.Where(r => r.CountyCode == county);
    }

    /// <summary>
    /// Assessments of regions in scope: not even the city's aggregate for a county bureau, since it counts the
    /// other counties.
    /// </summary>
    public IQueryable<RegionAssessment> RegionAssessments(
        ProductQualityDbContext db, IQueryable<RegionAssessment> assessments)
    {
        ArgumentNullException.ThrowIfNull(db);
        var county = County;
        if (Enterprise is not null)
        {
            return assessments.Where(a => false);
        }

        return county is null
            ? assessments
            : assessments.Where(a => db.Regions.Any(r => r.Code == a.RegionCode && r.CountyCode == county));
    }

    /// <summary>
    /// Bulletins in scope: the city-wide ones and those about the county or its towns. A bulletin about another
    /// county's town names it in its title, so the row is left out, not only its region.
    /// </summary>
    public IQueryable<RiskWarning> Warnings(ProductQualityDbContext db, IQueryable<RiskWarning> warnings)
    {
        ArgumentNullException.ThrowIfNull(db);
        var county = County;
        if (Enterprise is not null)
        {
            return warnings.Where(w => false);
        }

        return county is null
            ? warnings
            : warnings.Where(w => w.RegionCode == null
                || db.Regions.Any(r => r.Code == w.RegionCode && r.CountyCode == county));
    }
}
