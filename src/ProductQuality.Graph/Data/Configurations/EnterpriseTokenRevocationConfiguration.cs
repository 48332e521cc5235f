using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductQuality.Graph.Access.EnterpriseTokens;

namespace ProductQuality.Graph.Data.Configurations;

internal sealed class EnterpriseTokenRevocationConfiguration : IEntityTypeConfiguration<EnterpriseTokenRevocation>
{
    public void Configure(EntityTypeBuilder<EnterpriseTokenRevocation> builder)
    {
        builder.HasKey(r => r.CreditCode);
        builder.Property(r => r.CreditCode).HasMaxLength(18);
    }
}
