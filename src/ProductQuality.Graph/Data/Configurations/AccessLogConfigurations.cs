using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProductQuality.Graph.Audit;
using ProductQuality.Graph.Audit.CodeIndex;

namespace ProductQuality.Graph.Data.Configurations;

internal sealed class AccessLogEntryConfiguration : IEntityTypeConfiguration<AccessLogEntry>
{
    public void Configure(EntityTypeBuilder<AccessLogEntry> builder)
    {
        builder.ToTable("AccessLog");

        // The chain position is the key: two appends can never both take one position (no fork).
        builder.HasKey(e => e.Seq);
        builder.Property(e => e.Seq).ValueGeneratedNever();
        builder.Property(e => e.DocumentSha256).HasMaxLength(64);
        builder.Property(e => e.VariablesSha256).HasMaxLength(64);
        builder.Property(e => e.PreviousHash).HasMaxLength(64);
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.Property(e => e.FieldGroups).HasMaxLength(512);
        builder.Property(e => e.Purpose).HasMaxLength(PurposeHeader.MaxLength);
        builder.HasMany(e => e.Codes).WithOne().HasForeignKey(c => c.EntrySeq);
        builder.Ignore(e => e.PrecomputedContentHash);
        builder.Ignore(e => e.SettlesUnloggedWrites);

        // The regulator's filters: by time, by department and time.
        builder.HasIndex(e => e.AtUtc);
        builder.HasIndex(e => new { e.Department, e.AtUtc });

        // The corrections (AccessLogScope.AsAnswered): whoAccessed and accessSummary leave out the entries they
        // correct, and found without this the summary read the whole log a second time for a handful of rows.
        builder.HasIndex(e => new { e.AtUtc, e.RequestId }, "IX_AccessLog_Corrections")
            .HasFilter($"\"ErrorCode\" = '{AccessLogging.UnavailableCode}'");
    }
}

internal sealed class AccessLogCodeConfiguration : IEntityTypeConfiguration<AccessLogCode>
{
    public void Configure(EntityTypeBuilder<AccessLogCode> builder)
    {
        // Keyed by entry, so an append writes at the end of the key: the look-up by code is a separate table,
        // filled behind the commit (IndexedCode).
        builder.HasKey(c => new { c.EntrySeq, c.CreditCode });
        builder.Property(c => c.CreditCode).HasMaxLength(18);
    }
}

internal sealed class IndexedCodeConfiguration : IEntityTypeConfiguration<IndexedCode>
{
    public void Configure(EntityTypeBuilder<IndexedCode> builder)
    {
        // Who received this enterprise's data: the data tracker's and the code filter's way in. No foreign key:
        // the archiver removes these rows with the entries, and an append never waits for them.
        builder.ToTable("AccessLogCodeIndex");
        builder.HasKey(c => new { c.CreditCode, c.EntrySeq });
        builder.Property(c => c.CreditCode).HasMaxLength(18);
    }
}

internal sealed class IndexedCountyConfiguration : IEntityTypeConfiguration<IndexedCounty>
{
    public void Configure(EntityTypeBuilder<IndexedCounty> builder)
    {
        builder.ToTable("AccessLogCountyIndex");
        builder.HasKey(c => new { c.County, c.EntrySeq });
        builder.Property(c => c.County).HasMaxLength(6);
    }
}

internal sealed class CodeIndexMarkConfiguration : IEntityTypeConfiguration<CodeIndexMark>
{
    public void Configure(EntityTypeBuilder<CodeIndexMark> builder)
    {
        builder.ToTable("AccessLogCodeIndexMarks");
        builder.Property(m => m.Id).ValueGeneratedNever();

        // From 0: after an upgrade the indexer copies the existing codes in batches; readers find them meanwhile.
        builder.HasData(new CodeIndexMark { Id = CodeIndexMark.SingleId, IndexedThroughSeq = 0 });
    }
}

internal sealed class AccessLogHeadConfiguration : IEntityTypeConfiguration<AccessLogHead>
{
    public void Configure(EntityTypeBuilder<AccessLogHead> builder)
    {
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Hash).HasMaxLength(64);

        // The one row exists from the migration on, so every append can lock it.
        builder.HasData(new AccessLogHead { Id = AccessLogHead.SingleId, Seq = 0, Hash = AccessChain.Genesis });
    }
}

internal sealed class UnloggedWriteConfiguration : IEntityTypeConfiguration<Audit.UnloggedWrites.UnloggedWrite>
{
    public void Configure(EntityTypeBuilder<Audit.UnloggedWrites.UnloggedWrite> builder)
    {
        builder.Property(w => w.DocumentSha256).HasMaxLength(64);
        builder.Property(w => w.VariablesSha256).HasMaxLength(64);
        builder.Property(w => w.Purpose).HasMaxLength(PurposeHeader.MaxLength);
        builder.Property(w => w.Operation).HasMaxLength(64);
        builder.Property(w => w.IdempotencyKey).HasMaxLength(Recording.MutationRunner.MaxKeyLength);

        // The recovery's way in: the oldest first.
        builder.HasIndex(w => w.CommittedAtUtc);
    }
}
