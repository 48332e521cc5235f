using GraphQL;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Assessment;
using ProductQuality.Graph.Infrastructure.Clock;
using ProductQuality.Graph.Infrastructure.Loading;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Recording;

/// <summary>
/// The one path every write takes: idempotency look-up, then one transaction { take the re-evaluation lock, validate,
/// add the fact and its idempotency record, save, re-evaluate } and commit; the answer is re-read after commit. On any
/// error nothing stays written.
/// </summary>
public static class MutationRunner
{
    public const int MaxKeyLength = 128;

    // Every space separator and other white space but U+0020 (tab and line breaks are control characters, refused).

    public static async Task<object?> RunAsync<TInput>(IResolveFieldContext context, WriteOperation<TInput> operation)
        where TInput : WriteInput
    {
        var ct = context.CancellationToken;
        var db = context.Db();
        var audience = context.Audience();
        var department = audience.Department
            ?? throw new InvalidOperationException("A write needs a department; the public contract has no Mutation.");
        var input = context.GetArgument<TInput>("input");
        var key = input.IdempotencyKey?.Trim() ?? "";
        if (key.Length == 0 || WriteScope.Characters(key) > MaxKeyLength)
        {
            // A key of spaces alone (U+3000 too) was told its length was wrong.
            var problem = key.Length == 0 && !string.IsNullOrEmpty(input.IdempotencyKey)
                ? "idempotencyKey holds only blank characters"
                : $"idempotencyKey must be 1–{MaxKeyLength} characters";
            return Reject(context, [DomainException.ForField(ErrorCodes.InvalidInput, "input.idempotencyKey",
                $"{problem}; send a fresh UUID per new fact and the same one when retrying.")]);
        }

        // A key is compared character by character and quoted in the server's log and in answers: one with a line
        // break forged a line of the console log, and one with a zero-width space was another key than the one the
        // caller saw. PostgreSQL refuses U+0000 in text outright.
        // A space other than the plain one (no-break U+00A0, ideographic U+3000) looks like it, and made another key.
        var unprintable = Infrastructure.PrintableText.FirstUnprintable(key) ?? FirstBlankLookalike(key);
        if (unprintable is not null)
        {
            return Reject(context, [DomainException.ForField(ErrorCodes.InvalidInput, "input.idempotencyKey",
                $"idempotencyKey holds {unprintable}; use printed characters only, e.g. a UUID.")]);
        }

        var hash = InputHash.Of(input);
        context.Service<RequestLoaders>().Forget();
        if (await Idempotency.FindAsync(db, department, key, ct) is { } earlier)
        {
            return await Idempotency.ReplayAsync(db, earlier, operation, hash, ct);
        }

        var clock = context.Service<BureauClock>();
        var scope = new WriteScope(db, audience, clock.Today, clock.UtcNow);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // The re-evaluation lock before anything is read or written: an override's revision update, taken first,
            // held its row while it waited for the lock that a sampling of the same enterprise held while it waited
            // for that row (PostgreSQL's deadlock, INTERNAL_ERROR); and a write that read its subject before another
            // committed failed its own update on the stale revision. Under the lock every write reads what the one
            // before it committed.
            await AssessmentTransaction.LockAsync(db, ct);
            var staged = await operation.StageAsync(scope, input, ct);
            scope.Errors.ThrowIfAny();
            await db.SaveChangesAsync(ct);
            db.IdempotencyRecords.Add(Idempotency.Record(department, key, operation.Name, hash, staged!, scope.UtcNow));

            await db.SaveChangesAsync(ct);
            await context.Service<ReEvaluator>().ReEvaluateAsync(db, staged!.Touched, ct);

            // Committed with the write and deleted with the request's entry: a write is accounted for even when its
            // entry never gets stored (the server killed between the two commits, the log failing after it). Stamped
            // last, at its commit: stamped with the write's start, before the lock and the re-evaluation, it said
            // "committed" seconds early (the writes probe), and a recovery counts its age from that moment.
            var trace = (context.UserContext as GraphQLUserContext)?.AccessTrace;
            var unlogged = trace?.UnloggedWrite(operation.Name, key, clock.UtcNow);
            if (unlogged is not null)
            {
                db.UnloggedWrites.Add(unlogged);
                await db.SaveChangesAsync(ct);
            }

            await transaction.CommitAsync(ct);
            if (unlogged is not null)
            {
                trace!.Committed(operation.Name, key, unlogged.Id);
            }
        }
        catch (Exception ex) when (ex is DomainException or InputRejectedException or DbUpdateException)
        {
            // The transaction was disposed, so rolled back. A concurrent twin (same key, same input) may have committed
            // in between: then its number is taken or its revision moved on, and the right answer is the replay.
            db.ChangeTracker.Clear();
            if (await Idempotency.FindAsync(db, department, key, ct) is { } winner)
            {
                return await Idempotency.ReplayAsync(db, winner, operation, hash, ct);
            }

            if (ex is InputRejectedException rejected)
            {
                return Reject(context, rejected.Errors);
            }

            if (ex is DbUpdateException && await operation.ExplainFailedSaveAsync(scope, input, ct) is { } explained)
            {
                throw explained;
            }

            throw;
        }

        db.ChangeTracker.Clear();
        try
        {
            var record = await Idempotency.FindAsync(db, department, key, ct)
                ?? throw new InvalidOperationException("The idempotency record vanished after commit.");
            return await operation.AnswerAsync(db, record.FactId, record.ResultKey, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new AnswerAfterCommitException(operation.Name, key, ex);
        }
    }

    private static object? Reject(IResolveFieldContext context, IReadOnlyList<DomainException> errors)
    {
        foreach (var error in errors)
        {
            error.Path = context.ResponsePath; // the response keys (an alias), as the spec asks
            error.AddLocation(context.FieldAst, context.Document);
            context.Errors.Add(error);
        }

        return null;
    }

    /// <summary>
    /// A character of the key that prints as blank but is not the plain space, described with its position in
    /// characters (not UTF-16 units, as the length limit counts): another space (no-break U+00A0, ideographic U+3000)
    /// made a key that looked like another, and a key of Hangul fillers (U+3164) or the braille blank (U+2800) alone
    /// looked empty. Null when there is none.
    /// </summary>
    private static string? FirstBlankLookalike(string key)
    {
        var position = 0;
        foreach (var rune in key.EnumerateRunes())
        {
            position++;
            if (rune.Value != ' ' && System.Text.Rune.IsWhiteSpace(rune))
            {
                return $"U+{rune.Value:X4} (a space other than the plain space) at character {position}";
            }

            if (Infrastructure.PrintableText.PrintsAsBlank(rune))
            {
                return $"U+{rune.Value:X4} (a character that prints as blank) at character {position}";
            }
        }

        return null;
    }
}
