using System.Data.Common;
using System.Text.Json;

namespace ProductQuality.Graph.Audit;

/// <summary>
/// The access log's appends on SQLite: one connection, held between batches, whose statements are prepared once.
/// </summary>
/// <remarks>
/// Every request waits for the batch its entry is in, and a batch cannot start until the one before has committed,
/// so the writer's own time per batch is paid by every request. Opened and prepared anew each batch, the statements
/// were most of that time: a connection from the pool, its busy timeout, and five statements parsed and planned (the
/// entries' multi-row INSERT, one parameter per value, differed with every batch size). Held, a batch binds values
/// and steps. One batch at a time (the writer is one loop; tests may append beside it); a failed batch drops the
/// connection, so the next one starts from a new connection and fresh statements (after a schema change, say).
/// </remarks>
internal sealed class SqliteAppender(Func<CancellationToken, Task<DbConnection>> open) : IAsyncDisposable
{
    private readonly SemaphoreSlim _oneBatchAtATime = new(1, 1);
    private Session? _session;

    public async Task AppendAsync(IReadOnlyList<AccessLogEntry> entries, CancellationToken cancellationToken)
    {
        await _oneBatchAtATime.WaitAsync(cancellationToken);
        try
        {
            _session ??= new Session(await open(cancellationToken));
            try
            {
                await _session.AppendAsync(entries, cancellationToken);
            }
            catch
            {
                await _session.DisposeAsync();
                _session = null;
                throw;
            }
        }
        finally
        {
            _oneBatchAtATime.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _oneBatchAtATime.WaitAsync();
        try
        {
            if (_session is not null)
            {
                await _session.DisposeAsync();
                _session = null;
            }
        }
        finally
        {
            _oneBatchAtATime.Release();
        }
    }

    /// <summary>The open connection and its commands, each keeping its prepared statement between executions.</summary>
    private sealed class Session(DbConnection connection) : IAsyncDisposable
    {
        // The parameters are added once, without values; each execution sets them.
        private static readonly (string Name, object? Value)[] EntryParameters =
            [.. Enumerable.Range(0, AccessLogStore.EntryColumnCount).Select(i => ("@p" + i, (object?)null))];

        private readonly DbCommand _readHead = AccessLogStore.Command(connection, null, AccessLogStore.ReadHead);
        private readonly DbCommand _insertEntry = AccessLogStore.Command(connection, null, AccessLogStore.EntryColumns
            + "(" + string.Join(", ", EntryParameters.Select(p => p.Name)) + ")", EntryParameters);
        private readonly DbCommand _insertCodes = AccessLogStore.Command(connection, null,
            AccessLogStore.InsertCodesJson, ("@seq", null), ("@codes", null));
        private readonly DbCommand _moveHead = AccessLogStore.Command(connection, null, AccessLogStore.MoveHead,
            ("@seq", null), ("@hash", null));

        private readonly DbCommand _settle = AccessLogStore.Command(connection, null,
            AccessLogStore.SettleUnloggedWrite, ("@id", null));

        private DbCommand[] Commands => [_readHead, _insertEntry, _insertCodes, _moveHead, _settle];

        public async Task AppendAsync(IReadOnlyList<AccessLogEntry> entries, CancellationToken cancellationToken)
        {
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            foreach (var command in Commands)
            {
                command.Transaction = tx;
            }

            var (seq, hash) = await AccessLogStore.ReadHeadAsync(_readHead, cancellationToken);
            (seq, hash) = AccessLogStore.Link(entries, seq, hash);
            foreach (var entry in entries)
            {
                var values = AccessLogStore.Values(entry);
                for (var i = 0; i < values.Length; i++)
                {
                    _insertEntry.Parameters[i].Value = values[i] ?? DBNull.Value;
                }

                await _insertEntry.ExecuteNonQueryAsync(cancellationToken);
                if (entry.Codes.Count > 0)
                {
                    _insertCodes.Parameters[0].Value = entry.Seq;
                    _insertCodes.Parameters[1].Value = JsonSerializer.Serialize(entry.Codes.Select(c => c.CreditCode));
                    await _insertCodes.ExecuteNonQueryAsync(cancellationToken);
                }

                foreach (var id in entry.SettlesUnloggedWrites)
                {
                    _settle.Parameters[0].Value = id;
                    await _settle.ExecuteNonQueryAsync(cancellationToken);
                }
            }

            _moveHead.Parameters[0].Value = seq;
            _moveHead.Parameters[1].Value = hash;
            await _moveHead.ExecuteNonQueryAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var command in Commands)
            {
                await command.DisposeAsync();
            }

            await connection.DisposeAsync();
        }
    }
}
