using ProductQuality.Graph.Data;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Recording;

/// <summary>
/// One kind of write: how it validates and stages its fact, and how it answers from the stored idempotency record.
/// The <see cref="MutationRunner"/> owns the transaction, idempotency and re-evaluation around it.
/// </summary>
public abstract class WriteOperation<TInput> : WriteDefinition
    where TInput : WriteInput
{
    /// <summary>Validates into <c>scope.Errors</c> and, when valid, adds the fact to the context (not saved).</summary>
    public abstract Task<Staged?> StageAsync(WriteScope scope, TInput input, CancellationToken ct);

    /// <summary>Reads the fact and what it touched from the database (after commit, or on a replay).</summary>
    public abstract Task<MutationResult> AnswerAsync(
        ProductQualityDbContext db, long factId, string resultKey, CancellationToken ct);

    /// <summary>
    /// Explains a failed save another writer caused (a unique number of the writer's authority taken meanwhile, a
    /// revision moved on); null when it was not that.
    /// </summary>
    public virtual Task<DomainException?> ExplainFailedSaveAsync(
        WriteScope scope, TInput input, CancellationToken ct) =>
        Task.FromResult<DomainException?>(null);
}
