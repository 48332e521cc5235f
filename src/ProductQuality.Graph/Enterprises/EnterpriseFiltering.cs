using ProductQuality.Graph.Data;
using ProductQuality.Graph.ReferenceData;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Enterprises;

/// <summary>Applies an <see cref="EnterpriseFilter"/> as SQL conditions.</summary>
public static class EnterpriseFiltering
{
    public static IQueryable<Enterprise> Apply(
        this IQueryable<Enterprise> query, EnterpriseFilter? filter, ProductQualityDbContext db)
    {
        if (filter is null)
        {
            return query;
        }

        if (Regions.CountyArgument.Checked(filter.CountyCode, "filter.countyCode") is { } county)
        {
            query = query.Where(e => e.CountyCode == county);
        }

        if (CatalogueArgument.Town(filter.TownCode, "filter.townCode") is { } town)
        {
            query = query.Where(e => e.TownCode == town);
        }

        if (filter.Class is { } cls) query = query.Where(e => e.Class == cls);
        if (filter.HealthCode is { } health) query = query.Where(e => e.HealthCode == health);
        if (filter.MapColour is { } colour) query = query.Where(e => e.MapColour == colour);
        if (filter.Blacklisted is { } listed) query = query.Where(e => e.IsBlacklisted == listed);
        if (filter.Assured is { } assured) query = query.Where(e => e.IsAssured == assured);
        if (CatalogueArgument.Product(filter.ProductCode, "filter.productCode") is { } product)
        {
            query = query.Where(e => db.EnterpriseProducts.Any(ep => ep.EnterpriseId == e.Id
                && ep.ProductCode == product));
        }

        if (CatalogueArgument.Category(filter.CategoryCode, "filter.categoryCode") is { } category)
        {
            query = query.Where(e => db.EnterpriseProducts.Any(ep => ep.EnterpriseId == e.Id
                && db.Products.Any(p => p.Code == ep.ProductCode && p.CategoryCode == category)));
        }

        if (filter.ProductTier is { } tier)
        {
            query = query.Where(e => db.EnterpriseProducts.Any(ep => ep.EnterpriseId == e.Id
                && db.Products.Any(p => p.Code == ep.ProductCode && p.Tier == tier)));
        }

        if (filter.NameContains is { } text)
        {
            if (text.Trim().Length < 2)
            {
                throw new DomainException(ErrorCodes.InvalidArgument, "'nameContains' needs at least 2 characters.");
            }

            var trimmed = text.Trim();
            query = query.Where(e => e.Name.Contains(trimmed));
        }

        return query;
    }
}
