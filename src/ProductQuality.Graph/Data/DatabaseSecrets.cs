using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;

namespace ProductQuality.Graph.Data;

/// <summary>Reads a <see cref="DatabaseSecret"/>, creating it the first time any server of the database asks.</summary>
public static class DatabaseSecrets
{
    /// <summary>
    /// The named key, <paramref name="length"/> random bytes. Servers asking together may both create one: the name
    /// is the row's primary key, so one insert wins and the others read the winner's.
    /// </summary>
    public static async Task<byte[]> GetOrCreateAsync(
        ProductQualityDbContext db, string name, int length, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        if (await ReadAsync(db, name, ct) is { } existing)
        {
            return existing;
        }

        return await GetOrAddAsync(db, name, RandomNumberGenerator.GetBytes(length), clock, ct);
    }

    /// <summary>The named value, stored as <paramref name="value"/> unless another server stored one first.</summary>
    public static async Task<byte[]> GetOrAddAsync(
        ProductQualityDbContext db, string name, byte[] value, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        // One statement both providers read alike: it touches nothing the caller's context tracks, and a second
        // server's insert does nothing instead of failing.
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "DatabaseSecrets" ("Name", "Value", "CreatedAtUtc") VALUES ({name}, {value}, {now})
            ON CONFLICT DO NOTHING
            """,
            ct);
        return await ReadAsync(db, name, ct)
            ?? throw new InvalidOperationException($"The database secret '{name}' could not be created.");
    }

    private static async Task<byte[]?> ReadAsync(ProductQualityDbContext db, string name, CancellationToken ct) =>
        await db.DatabaseSecrets.AsNoTracking().Where(s => s.Name == name).Select(s => s.Value)
            .FirstOrDefaultAsync(ct);
}
