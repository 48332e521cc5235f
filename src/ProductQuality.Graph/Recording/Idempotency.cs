using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Recording;

/// <summary>Finding, writing and replaying idempotency records (keys are per department).</summary>
internal static class Idempotency
{
    public static Task<IdempotencyRecord?> FindAsync(
        ProductQualityDbContext db, string department, string key, CancellationToken ct) =>
        db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Department == department && r.Key == key, ct);

    public static IdempotencyRecord Record(
        string department, string key, string operation, string hash, Staged staged, DateTime utcNow) => new()
    {
        Department = department,
        Key = key,
        Operation = operation,
        InputHash = hash,
        ResultKey = staged.ResultKey,
        FactId = staged.FactId(),
        RecordedAtUtc = utcNow,
    };

    /// <summary>The same key and input: the stored answer, replayed. The same key for anything else: refused.</summary>
    public static async Task<object?> ReplayAsync<TInput>(
        ProductQualityDbContext db, IdempotencyRecord record, WriteOperation<TInput> operation, string hash,
        CancellationToken ct)
        where TInput : WriteInput
    {
        if (record.Operation != operation.Name || record.InputHash != hash)
        {
            throw DomainException.ForField(ErrorCodes.IdempotencyKeyReused, "input.idempotencyKey",
                $"This idempotency key was already used on {record.RecordedAtUtc:yyyy-MM-dd HH:mm} UTC for "
                // Another write was told "… for recordValidComplaint with different input", as if only the input
                // differed (the probe of recent changes).
                + (record.Operation != operation.Name
                    ? $"another write, {record.Operation} (this is {operation.Name})."
                    : $"{record.Operation} with different input.")
                + " Use a new key for a new fact; resend the identical input to retry.");
        }

        var answer = await operation.AnswerAsync(db, record.FactId, record.ResultKey, ct);
        return answer with { Replayed = true };
    }
}
