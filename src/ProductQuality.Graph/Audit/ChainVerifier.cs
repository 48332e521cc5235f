using Microsoft.EntityFrameworkCore;

namespace ProductQuality.Graph.Audit;

/// <summary>
/// Walks the chain from the first entry to the head, a page at a time, and reports the first broken link: a
/// position missing (an entry deleted), a previous hash that is not the hash before it (entries deleted, inserted or
/// reordered), a hash that does not match the content (an entry altered), or a head that is not the last entry
/// (entries removed from the end). The stored hashes are never trusted: each is recomputed.
/// </summary>
public sealed class ChainVerifier(AccessLogStore store)
{
    private const int PageSize = 2_000;

    public async Task<ChainVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        await using var db = store.CreateContext();
        var head = await db.AccessLogHeads.AsNoTracking()
            .SingleAsync(h => h.Id == AccessLogHead.SingleId, cancellationToken);
        var (seq, hash, count) = (0L, AccessChain.Genesis, 0L);
        while (true)
        {
            var page = await db.AccessLog.AsNoTracking().Where(e => e.Seq > seq).OrderBy(e => e.Seq)
                .Take(PageSize).ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            var (first, last) = (page[0].Seq, page[^1].Seq);
            var codes = (await db.AccessLogCodes.AsNoTracking()
                    .Where(c => c.EntrySeq >= first && c.EntrySeq <= last)
                    .Select(c => new { c.EntrySeq, c.CreditCode }).ToListAsync(cancellationToken))
                .ToLookup(c => c.EntrySeq, c => c.CreditCode);
            foreach (var entry in page)
            {
                if (Problem(entry, seq, hash, codes[entry.Seq]) is { } problem)
                {
                    return ChainVerification.Broken(entry.Seq == seq + 1 ? entry.Seq : seq + 1, problem, count,
                        head.Seq, head.Hash);
                }

                (seq, hash, count) = (entry.Seq, entry.Hash, count + 1);
            }
        }

        if (head.Seq != seq || head.Hash != hash)
        {
            return ChainVerification.Broken(seq + 1, head.Seq > seq
                ? $"The head says the chain ends at entry {head.Seq}, but it ends at entry {seq}: entries after {seq} "
                  + "were removed."
                : $"The head (entry {head.Seq}) is not the last entry ({seq}) or its hash differs: the head was "
                  + "altered.",
                count, head.Seq, head.Hash);
        }

        return new ChainVerification(true, count, head.Seq, head.Hash, null, null);
    }

    private static string? Problem(AccessLogEntry entry, long previousSeq, string previousHash,
        IEnumerable<string> codes)
    {
        var expected = previousSeq + 1;
        if (entry.Seq != expected)
        {
            return $"Entry {expected} is missing (the next one is {entry.Seq}): it was removed or renumbered.";
        }

        if (entry.PreviousHash != previousHash)
        {
            return $"Entry {entry.Seq} does not follow entry {previousSeq}: its previous hash is not that entry's "
                + "hash, so entries were removed, inserted or reordered here.";
        }

        var codeList = codes.ToList();
        return codeList.Count != entry.CodeCount || AccessChain.HashOf(entry, codeList) != entry.Hash
            ? $"Entry {entry.Seq} was altered: its content (or its list of credit codes) no longer matches its hash."
            : null;
    }
}
