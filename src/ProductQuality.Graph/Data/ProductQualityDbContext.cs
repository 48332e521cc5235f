using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using ProductQuality.Graph.Assured;
using ProductQuality.Graph.Blacklist;
using ProductQuality.Graph.Changes;
using ProductQuality.Graph.Enforcement;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Inspections;
using ProductQuality.Graph.Products;
using ProductQuality.Graph.Recording;
using ProductQuality.Graph.Regions;
using ProductQuality.Graph.Signals;
using ProductQuality.Graph.Warnings;

namespace ProductQuality.Graph.Data;

/// <summary>
/// The provider-neutral model. Each provider has a subclass (<see cref="SqliteProductQualityDbContext"/>,
/// <see cref="PostgresProductQualityDbContext"/>) only so that each keeps its own migrations.
/// </summary>
public abstract class ProductQualityDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>
    /// Whether this context talks to PostgreSQL; each provider has its own context class. Read per request by the
    /// paths whose SQL differs: <c>Database.IsNpgsql()</c> and <c>Database.ProviderName</c> read the provider
    /// assembly's name through reflection on every call (a page profile showed them at about 2 % of its CPU).
    /// </summary>
    public bool IsPostgreSql => this is PostgresProductQualityDbContext;

    // See HoldConnection. Plain fields: a pooled context is used by one request at a time.
    private bool _holdConnection;
    private bool _connectionHeld;

    /// <summary>
    /// Keeps the connection open from the context's first asynchronous statement until
    /// <see cref="ReleaseConnectionAsync"/>, where EF opens and closes it around each statement. On SQLite each
    /// opening registers EF's SQL functions on the native connection again and each closing removes them (18 µs and
    /// 5.5 KB a pair; a status request made three): <see cref="HeldConnectionStrategy"/> opens it, asynchronously
    /// and under the statement's cancellation, as EF would. The caller must release it (a <c>finally</c>).
    /// </summary>
    internal void HoldConnection() => _holdConnection = true;

    /// <summary>Whether the next asynchronous statement opens the held connection first.</summary>
    internal bool OpensHeldConnection => _holdConnection && !_connectionHeld;

    internal async Task OpenHeldConnectionAsync(CancellationToken cancellationToken)
    {
        // Not Database.OpenConnectionAsync, which runs through the execution strategy that calls this.
        await this.GetService<IRelationalConnection>().OpenAsync(cancellationToken);
        _connectionHeld = true;
    }

    /// <summary>Closes the connection <see cref="HoldConnection"/> kept open; each statement opens its own again.
    /// </summary>
    internal async ValueTask ReleaseConnectionAsync()
    {
        _holdConnection = false;
        if (_connectionHeld)
        {
            _connectionHeld = false;
            await Database.CloseConnectionAsync();
        }
    }

    public DbSet<Region> Regions => Set<Region>();
    public DbSet<RegionAssessment> RegionAssessments => Set<RegionAssessment>();
    public DbSet<ProductCategory> ProductCategories => Set<ProductCategory>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<ProductTierAssessment> ProductTierAssessments => Set<ProductTierAssessment>();
    public DbSet<Enterprise> Enterprises => Set<Enterprise>();
    public DbSet<EnterpriseProduct> EnterpriseProducts => Set<EnterpriseProduct>();
    public DbSet<Licence> Licences => Set<Licence>();
    public DbSet<EnterpriseAssessmentRecord> EnterpriseAssessments => Set<EnterpriseAssessmentRecord>();
    public DbSet<CurrentExplanation> CurrentExplanations => Set<CurrentExplanation>();
    public DbSet<ManagementRecord> ManagementRecords => Set<ManagementRecord>();
    public DbSet<Inspection> Inspections => Set<Inspection>();
    public DbSet<InspectionFailedItem> InspectionFailedItems => Set<InspectionFailedItem>();
    public DbSet<EnforcementDecision> EnforcementDecisions => Set<EnforcementDecision>();
    public DbSet<Complaint> Complaints => Set<Complaint>();
    public DbSet<BlacklistEvent> BlacklistEvents => Set<BlacklistEvent>();
    public DbSet<AssuredEvent> AssuredEvents => Set<AssuredEvent>();
    public DbSet<RiskWarning> RiskWarnings => Set<RiskWarning>();
    public DbSet<ExternalRiskSignal> ExternalRiskSignals => Set<ExternalRiskSignal>();
    public DbSet<ClassOverride> ClassOverrides => Set<ClassOverride>();
    public DbSet<ProductTierOverride> ProductTierOverrides => Set<ProductTierOverride>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<ChangeEvent> ChangeEvents => Set<ChangeEvent>();
    public DbSet<Audit.AccessLogEntry> AccessLog => Set<Audit.AccessLogEntry>();
    public DbSet<Audit.AccessLogCode> AccessLogCodes => Set<Audit.AccessLogCode>();
    public DbSet<Audit.CodeIndex.IndexedCode> AccessLogCodeIndex => Set<Audit.CodeIndex.IndexedCode>();

    public DbSet<Audit.CodeIndex.IndexedCounty> AccessLogCountyIndex => Set<Audit.CodeIndex.IndexedCounty>();
    public DbSet<Audit.CodeIndex.CodeIndexMark> CodeIndexMarks => Set<Audit.CodeIndex.CodeIndexMark>();
    public DbSet<Audit.AccessLogHead> AccessLogHeads => Set<Audit.AccessLogHead>();
    public DbSet<Audit.UnloggedWrites.UnloggedWrite> UnloggedWrites => Set<Audit.UnloggedWrites.UnloggedWrite>();
    public DbSet<DatabaseSecret> DatabaseSecrets => Set<DatabaseSecret>();
    public DbSet<Access.EnterpriseTokens.EnterpriseTokenRevocation> EnterpriseTokenRevocations =>
        Set<Access.EnterpriseTokens.EnterpriseTokenRevocation>();

    /// <summary>The characters a text column holds unless its entity says otherwise (varchar(256) on PostgreSQL).
    /// </summary>
    internal const int MaxTextLength = 256;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums as readable strings: a database a person can query, and enum reordering can never corrupt data.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<string>().HaveMaxLength(MaxTextLength);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ProductQualityDbContext).Assembly);
        StoredNumberCapitals.Map(modelBuilder, IsPostgreSql);

        // Superseded evaluations stay in their tables (nothing is deleted) but no read sees them.
        modelBuilder.Entity<EnterpriseAssessmentRecord>().HasQueryFilter(r => r.SupersededAtUtc == null);
        modelBuilder.Entity<BlacklistEvent>().HasQueryFilter(r => r.SupersededAtUtc == null);
        modelBuilder.Entity<AssuredEvent>().HasQueryFilter(r => r.SupersededAtUtc == null);
        modelBuilder.Entity<ProductTierAssessment>().HasQueryFilter(r => r.SupersededAtUtc == null);
        modelBuilder.Entity<RegionAssessment>().HasQueryFilter(r => r.SupersededAtUtc == null);
    }
}
