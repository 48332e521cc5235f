using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ProductQuality.Graph.Data.Seeding;

/// <summary>
/// Writes an enterprise's child rows to SQLite with one prepared INSERT per table instead of the change tracker —
/// at a million enterprises the tracker's bookkeeping, not SQLite, was most of the seeding time. Everything about a
/// table (its name, columns, value conversions such as enums stored as text) is read from the EF model, so the rows
/// are exactly what <c>SaveChanges</c> would write. Generated keys are assigned here, counting on from the table's
/// largest (SQLite keeps AUTOINCREMENT's sequence at the largest inserted key). Used for SQLite only; other providers
/// seed through the change tracker.
/// </summary>
internal sealed class SqliteBulkWriter(ProductQualityDbContext db)
{
    private readonly Dictionary<Type, TableInsert> inserts = [];

    public static bool Supports(ProductQualityDbContext db) => db.Database.IsSqlite();

    /// <summary>Inserts the rows in the current transaction; an inspection's failed items after it.</summary>
    public async Task WriteAsync(IEnumerable<GeneratedEnterprise> batch, CancellationToken ct)
    {
        foreach (var b in batch)
        {
            await InsertAsync(b.Licences, ct);
            await InsertAsync(b.ManagementRecords, ct);
            await InsertAsync(b.Inspections, ct);
            foreach (var inspection in b.Inspections)
            {
                foreach (var item in inspection.FailedItems)
                {
                    item.InspectionId = inspection.Id;
                }

                await InsertAsync(inspection.FailedItems, ct);
            }

            await InsertAsync(b.Decisions, ct);
            await InsertAsync(b.Complaints, ct);
            await InsertAsync(b.Assessments, ct);
            await InsertAsync(b.BlacklistEvents, ct);
            await InsertAsync(b.AssuredEvents, ct);
            await InsertAsync([b.Explanation], ct);
        }
    }

    private async Task InsertAsync<T>(List<T> rows, CancellationToken ct)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        if (!inserts.TryGetValue(typeof(T), out var insert))
        {
            inserts[typeof(T)] = insert = await TableInsert.CreateAsync(db, typeof(T), ct);
        }

        foreach (var row in rows)
        {
            await insert.ExecuteAsync(db, row, ct);
        }
    }

    private sealed class TableInsert
    {
        private readonly string sql;
        private readonly IReadOnlyList<(IProperty Property, RelationalTypeMapping Mapping)> columns;
        private readonly IProperty? generatedKey;
        private long nextKey;
        private DbCommand? command;

        private TableInsert(string sql, IReadOnlyList<(IProperty, RelationalTypeMapping)> columns, IProperty? key,
            long nextKey)
        {
            this.sql = sql;
            this.columns = columns;
            generatedKey = key;
            this.nextKey = nextKey;
        }

        public static async Task<TableInsert> CreateAsync(ProductQualityDbContext db, Type type, CancellationToken ct)
        {
            var entity = db.Model.FindEntityType(type)
                ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var columns = entity.GetProperties()
                .Select(p => (Property: p, Mapping: (RelationalTypeMapping)p.GetRelationalTypeMapping()))
                .ToList();
            if (columns.Any(c => c.Property.IsShadowProperty())
                || entity.GetNavigations().Any(n => n.TargetEntityType.IsOwned()))
            {
                throw new NotSupportedException($"{type.Name} has shadow or owned properties: seed it through EF.");
            }

            var key = entity.FindPrimaryKey()!.Properties is [var only] && only.ValueGenerated == ValueGenerated.OnAdd
                ? only : null;
            var next = 1L;
            if (key is not null)
            {
                var column = key.GetColumnName(table);
                await using var max = db.Database.GetDbConnection().CreateCommand();
                max.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                max.CommandText = $"SELECT COALESCE(MAX(\"{column}\"), 0) FROM \"{table.Name}\"";
                next = Convert.ToInt64(await max.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) + 1;
            }

            var names = string.Join(", ", columns.Select(c => $"\"{c.Property.GetColumnName(table)}\""));
            var values = string.Join(", ", columns.Select((_, i) => $"@p{i}"));
            return new TableInsert($"INSERT INTO \"{table.Name}\" ({names}) VALUES ({values})", columns, key, next);
        }

        public async Task ExecuteAsync(ProductQualityDbContext db, object row, CancellationToken ct)
        {
            if (generatedKey is not null)
            {
                var getter = generatedKey.GetGetter();
                if (getter.HasSentinelValue(row))
                {
                    var value = Convert.ChangeType(nextKey++, generatedKey.ClrType, CultureInfo.InvariantCulture);
                    generatedKey.PropertyInfo!.SetValue(row, value);
                }
            }

            // One prepared statement per table and transaction; each row only sets the parameters' values.
            var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            if (command is null || command.Transaction != transaction)
            {
                if (command is not null)
                {
                    await command.DisposeAsync();
                }

                command = db.Database.GetDbConnection().CreateCommand();
                command.Transaction = transaction;
                command.CommandText = sql;
                for (var i = 0; i < columns.Count; i++)
                {
                    var (property, mapping) = columns[i];
                    command.Parameters.Add(mapping.CreateParameter(command, $"@p{i}",
                        property.GetGetter().GetClrValue(row), property.IsNullable));
                }

                await command.PrepareAsync(ct);
            }
            else
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    var (property, mapping) = columns[i];
                    var value = property.GetGetter().GetClrValue(row);
                    command.Parameters[i].Value = value is null ? DBNull.Value
                        : mapping.Converter?.ConvertToProvider(value) ?? value;
                }
            }

            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
