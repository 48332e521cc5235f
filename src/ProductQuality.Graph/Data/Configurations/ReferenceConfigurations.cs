using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductQuality.Graph.Products;
using ProductQuality.Graph.Regions;

namespace ProductQuality.Graph.Data.Configurations;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.HasKey(r => r.Code);
        builder.Property(r => r.Code).HasMaxLength(12);
        builder.HasIndex(r => r.ParentCode);
    }
}

internal sealed class RegionAssessmentConfiguration : IEntityTypeConfiguration<RegionAssessment>
{
    public void Configure(EntityTypeBuilder<RegionAssessment> builder)
    {
        builder.HasIndex(a => new { a.RegionCode, a.EffectiveFrom });
        // Computed text grows with an enterprise's history: no cap, so PostgreSQL stores it as text (as SQLite does).
        builder.Property(a => a.Explanation).IsUncappedText();
        builder.HasOne<Region>().WithMany().HasForeignKey(a => a.RegionCode);
    }
}

internal sealed class ProductCategoryConfiguration : IEntityTypeConfiguration<ProductCategory>
{
    public void Configure(EntityTypeBuilder<ProductCategory> builder)
    {
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasMaxLength(8);
    }
}

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.HasKey(p => p.Code);
        builder.Property(p => p.Code).HasMaxLength(8);
        builder.HasOne<ProductCategory>().WithMany().HasForeignKey(p => p.CategoryCode);
        builder.Property(p => p.OverrideRevision).IsConcurrencyToken();
        builder.HasIndex(p => p.CategoryCode);
        builder.HasIndex(p => p.Tier);
        builder.HasIndex(p => p.NextDueOn);
    }
}

internal sealed class ProductTierAssessmentConfiguration : IEntityTypeConfiguration<ProductTierAssessment>
{
    public void Configure(EntityTypeBuilder<ProductTierAssessment> builder)
    {
        builder.HasIndex(a => new { a.ProductCode, a.EffectiveFrom });
        // Computed text grows with an enterprise's history: no cap, so PostgreSQL stores it as text (as SQLite does).
        builder.Property(a => a.Explanation).IsUncappedText();
        builder.Property(a => a.Reason).IsUncappedText();
        builder.HasOne<Product>().WithMany().HasForeignKey(a => a.ProductCode);
    }
}

internal sealed class DatabaseSecretConfiguration : IEntityTypeConfiguration<DatabaseSecret>
{
    public void Configure(EntityTypeBuilder<DatabaseSecret> builder)
    {
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(64);
        builder.Property(s => s.Value).HasMaxLength(64);
    }
}
