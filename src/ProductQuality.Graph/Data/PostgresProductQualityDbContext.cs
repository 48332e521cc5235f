using Microsoft.EntityFrameworkCore;

namespace ProductQuality.Graph.Data;

/// <summary>
/// PostgreSQL, for many stateless servers over one database. Owns the migrations under Data/Migrations/Postgres.
/// </summary>
public sealed class PostgresProductQualityDbContext(DbContextOptions<PostgresProductQualityDbContext> options)
    : ProductQualityDbContext(options);
