using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Products;
using ProductQuality.Graph.Regions;

namespace ProductQuality.Graph.Data.Configurations;

internal sealed class EnterpriseConfiguration : IEntityTypeConfiguration<Enterprise>
{
    public void Configure(EntityTypeBuilder<Enterprise> builder)
    {
        builder.Property(e => e.CreditCode).HasMaxLength(18).IsFixedLength();
        builder.HasIndex(e => e.CreditCode).IsUnique();
        builder.HasOne<Region>().WithMany().HasForeignKey(e => e.CountyCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(e => e.TownCode).OnDelete(DeleteBehavior.Restrict);

        // Every list filter and sort key has an index ending in Id, the cursor's tie-breaker.
        builder.HasIndex(e => new { e.Name, e.Id });
        builder.HasIndex(e => new { e.CountyCode, e.Name, e.Id });
        builder.HasIndex(e => new { e.TownCode, e.Id });
        builder.HasIndex(e => new { e.Class, e.Id });
        builder.HasIndex(e => new { e.QualityIndex, e.Id });
        builder.HasIndex(e => new { e.MapColour, e.Id });
        builder.HasIndex(e => new { e.IsBlacklisted, e.Id });
        builder.HasIndex(e => new { e.IsAssured, e.Id });

        // The daily re-evaluation's scan: rows due by today, in id order.
        builder.HasIndex(e => new { e.NextDueOn, e.Id });

        // Covers the region re-assessment after every write (GROUP BY over all enterprises, for the city): an
        // index-only scan instead of reading every wide row — 15 ms instead of 200 ms at 100,000 enterprises.
        builder.HasIndex(e => new { e.TownCode, e.MapColour, e.HighestTier, e.QualityIndex, e.Class })
            .HasDatabaseName("IX_Enterprises_RegionAggregate");
        builder.HasMany(e => e.Products).WithOne().HasForeignKey(p => p.EnterpriseId);
        builder.Property(e => e.OverrideRevision).IsConcurrencyToken();
    }
}

internal sealed class EnterpriseProductConfiguration : IEntityTypeConfiguration<EnterpriseProduct>
{
    public void Configure(EntityTypeBuilder<EnterpriseProduct> builder)
    {
        builder.HasKey(p => new { p.EnterpriseId, p.ProductCode });
        builder.HasIndex(p => new { p.ProductCode, p.EnterpriseId });
        builder.HasOne<Product>().WithMany().HasForeignKey(p => p.ProductCode);
    }
}

internal sealed class LicenceConfiguration : IEntityTypeConfiguration<Licence>
{
    public void Configure(EntityTypeBuilder<Licence> builder)
    {
        builder.HasIndex(l => l.EnterpriseId);
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(l => l.EnterpriseId);
        builder.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductCode);
    }
}

internal sealed class EnterpriseAssessmentConfiguration : IEntityTypeConfiguration<EnterpriseAssessmentRecord>
{
    public void Configure(EntityTypeBuilder<EnterpriseAssessmentRecord> builder)
    {
        builder.HasIndex(a => new { a.EnterpriseId, a.EffectiveFrom });
        // Computed text grows with an enterprise's history: no cap, so PostgreSQL stores it as text (as SQLite does).
        builder.Property(a => a.Reason).IsUncappedText();
        builder.Property(a => a.ClassExplanation).IsUncappedText();
        builder.Property(a => a.IndexExplanation).IsUncappedText();
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(a => a.EnterpriseId);
    }
}

internal sealed class CurrentExplanationConfiguration : IEntityTypeConfiguration<CurrentExplanation>
{
    public void Configure(EntityTypeBuilder<CurrentExplanation> builder)
    {
        builder.HasKey(e => e.EnterpriseId);
        builder.Property(e => e.EnterpriseId).ValueGeneratedNever();
        builder.Property(e => e.ClassExplanation).IsUncappedText();
        builder.Property(e => e.IndexExplanation).IsUncappedText();
        builder.HasOne<Enterprise>().WithOne().HasForeignKey<CurrentExplanation>(e => e.EnterpriseId);
    }
}

internal sealed class ManagementRecordConfiguration : IEntityTypeConfiguration<ManagementRecord>
{
    public void Configure(EntityTypeBuilder<ManagementRecord> builder)
    {
        builder.HasIndex(m => new { m.EnterpriseId, m.EffectiveFrom });
        builder.Property(m => m.Note).HasMaxLength(1000);
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(m => m.EnterpriseId);
    }
}
