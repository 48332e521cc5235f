using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Products;
using ProductQuality.Graph.Recording;

namespace ProductQuality.Graph.Data.Configurations;

internal sealed class ClassOverrideConfiguration : IEntityTypeConfiguration<ClassOverride>
{
    public void Configure(EntityTypeBuilder<ClassOverride> builder)
    {
        builder.HasIndex(o => new { o.EnterpriseId, o.EffectiveFrom });
        builder.Property(o => o.Reason).HasMaxLength(1000);
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(o => o.EnterpriseId);
    }
}

internal sealed class ProductTierOverrideConfiguration : IEntityTypeConfiguration<ProductTierOverride>
{
    public void Configure(EntityTypeBuilder<ProductTierOverride> builder)
    {
        builder.HasIndex(o => new { o.ProductCode, o.EffectiveFrom });
        builder.Property(o => o.Reason).HasMaxLength(1000);
        builder.HasOne<Product>().WithMany().HasForeignKey(o => o.ProductCode);
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        // The unique index is what makes two concurrent retries record once: the second insert fails.
        builder.HasIndex(r => new { r.Department, r.Key }).IsUnique();
        builder.Property(r => r.Key).HasMaxLength(128);
        builder.Property(r => r.Operation).HasMaxLength(64);
        builder.Property(r => r.InputHash).HasMaxLength(64);
    }
}
