using Microsoft.EntityFrameworkCore;

namespace ProductQuality.Graph.Data;

/// <summary>The embedded default: SQLite. Owns the migrations under Data/Migrations/Sqlite.</summary>
public sealed class SqliteProductQualityDbContext(DbContextOptions<SqliteProductQualityDbContext> options)
    : ProductQualityDbContext(options);
