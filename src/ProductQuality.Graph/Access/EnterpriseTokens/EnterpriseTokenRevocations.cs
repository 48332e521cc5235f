using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Data;

namespace ProductQuality.Graph.Access.EnterpriseTokens;

/// <summary>Records and reads <see cref="EnterpriseTokenRevocation"/>s.</summary>
public static class EnterpriseTokenRevocations
{
    /// <summary>
    /// Revokes every token issued to the enterprise until now. Tokens carry their issue time in whole seconds, so the
    /// instant is the next whole second: a token issued in this second is revoked too, and one issued from the next
    /// passes. Returns that instant.
    /// </summary>
    public static async Task<DateTime> RevokeAsync(ProductQualityDbContext db, string creditCode, TimeProvider clock,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var notBefore = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc)
            .AddSeconds(1);
        var existing = await db.EnterpriseTokenRevocations.SingleOrDefaultAsync(
            r => r.CreditCode == creditCode, cancellationToken);
        if (existing is null)
        {
            db.EnterpriseTokenRevocations.Add(new EnterpriseTokenRevocation
            {
                CreditCode = creditCode, NotBeforeUtc = notBefore, RevokedAtUtc = now,
            });
        }
        else
        {
            existing.NotBeforeUtc = notBefore > existing.NotBeforeUtc ? notBefore : existing.NotBeforeUtc;
            existing.RevokedAtUtc = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        return notBefore;
    }

    /// <summary>Whether a token issued to the enterprise at <paramref name="issuedAtUtc"/> has been revoked.</summary>
    public static Task<bool> IsRevokedAsync(ProductQualityDbContext db, string creditCode, DateTime issuedAtUtc,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var issued = DateTime.SpecifyKind(issuedAtUtc, DateTimeKind.Utc);
        return db.EnterpriseTokenRevocations.AsNoTracking()
            .AnyAsync(r => r.CreditCode == creditCode && r.NotBeforeUtc > issued, cancellationToken);
    }
}
