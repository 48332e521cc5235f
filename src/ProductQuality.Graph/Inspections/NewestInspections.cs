using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.History;

namespace ProductQuality.Graph.Inspections;

/// <summary>
/// The <c>limit</c> newest inspections of each of a batch of enterprises, cut per enterprise in SQL, in the shape each
/// provider runs best: asking a page of 100 enterprises for their latest inspection must not read all of theirs.
/// </summary>
/// <remarks>
/// Each provider's form is written once, as an expression whose inputs are all parameters. Without an <c>asOf</c>
/// (nearly every request) it runs as a compiled query: EF's work before each execution of this statement (extracting
/// its parameters, hashing and comparing its tree for the query cache) cost a page with its latest inspections
/// 130–180 µs of CPU and 46 KB, a third of the statement's own cost (bench/README.md, 2026-12-07). Under an
/// <c>asOf</c>, the inspections known on that day are composed in and the query runs as any other.
/// </remarks>
public static class NewestInspections
{
    /// <summary>
    /// The newest inspections with their failed items (in recorded order), in one statement: a flat LEFT JOIN put
    /// together here rather than EF's collection include, whose shaper built fix-up delegates for every row read (a
    /// page's latest inspections, 100 rows: 0.81 ms with the include, 0.60 ms so, timed alone on SQLite).
    /// </summary>
    /// <param name="on">Under an <c>asOf</c> root, the day: the inspections sampled and recorded by then.</param>
    public static async Task<List<Inspection>> WithFailedItemsAsync(ProductQualityDbContext db, KnownOn? on,
        IReadOnlyList<int> enterpriseIds, int limit, InspectionShape shape, CancellationToken cancellationToken)
    {
        var statement = (db.IsPostgreSql ? NumberedStatements : ByIndexStatements)[(int)shape];
        List<Row> rows;
        if (on is null)
        {
            rows = [];
            await foreach (var row in statement.Compiled(db, enterpriseIds, limit).WithCancellation(cancellationToken))
            {
                rows.Add(row);
            }
        }
        else
        {
            var known = db.Inspections.RecordedOn(on, i => i.SampledOn);
            rows = await statement.Over(db, known, enterpriseIds, limit).ToListAsync(cancellationToken);
        }

        return Grouped(rows);
    }

    // An inspection comes once per failed item (once with none), its rows in no particular order.
    private static List<Inspection> Grouped(List<Row> rows)
    {
        var byId = new Dictionary<long, Inspection>();
        foreach (var row in rows)
        {
            if (!byId.TryGetValue(row.Inspection.Id, out var inspection))
            {
                inspection = row.Inspection;
                byId[inspection.Id] = inspection;
            }

            if (row.Failed is { } failed)
            {
                inspection.FailedItems.Add(failed);
            }
        }

        foreach (var inspection in byId.Values)
        {
            inspection.FailedItems.Sort((a, b) => a.Id.CompareTo(b.Id));
        }

        return [.. byId.Values];
    }

    /// <summary>
    /// SQLite: for each enterprise, the ids of its newest inspections read backwards from the (EnterpriseId,
    /// SampledOn) index (whose last column is the row id, so the order needs no sort), then those rows by id. The
    /// windowed form took 2.9 ms for a page of 100 (and the split query of failed items runs it twice), this 0.25 ms:
    /// SQLite materialises and sorts every inspection of the batch before numbering them.
    /// </summary>
    private static readonly Expression<Func<ProductQualityDbContext, IQueryable<Inspection>, IReadOnlyList<int>, int,
        IQueryable<Inspection>>> ByIndex = (db, known, ids, limit) =>
        from e in db.Enterprises.Where(e => ids.Contains(e.Id))
        from i in db.Inspections
        where known.Where(k => k.EnterpriseId == e.Id).OrderByDescending(k => k.SampledOn)
            .ThenByDescending(k => k.Id).Take(limit).Select(k => k.Id).Contains(i.Id)
        select i;

    /// <summary>
    /// PostgreSQL: EF Core lifts the correlated Take into ROW_NUMBER() OVER (PARTITION BY enterprise), which
    /// PostgreSQL runs well. The key filter is repeated inside: without it the window numbers the whole table.
    /// </summary>
    private static readonly Expression<Func<ProductQualityDbContext, IQueryable<Inspection>, IReadOnlyList<int>, int,
        IQueryable<Inspection>>> Numbered = (db, known, ids, limit) =>
        db.Enterprises.Where(e => ids.Contains(e.Id))
            .SelectMany(e => known.Where(i => ids.Contains(i.EnterpriseId)).Where(i => i.EnterpriseId == e.Id)
                .OrderByDescending(i => i.SampledOn).ThenByDescending(i => i.Id).Take(limit));

    /// <summary>
    /// The summary columns (<see cref="InspectionShapes.SummaryFields"/>). The other required texts are left empty:
    /// a summary is only loaded for a selection that reads none of them.
    /// </summary>
    private static readonly Expression<Func<Inspection, Inspection>> Summary = i => new Inspection
    {
        Id = i.Id,
        EnterpriseId = i.EnterpriseId,
        SampledOn = i.SampledOn,
        ReportNumber = i.ReportNumber,
        Passed = i.Passed,
        ProductCode = "",
        Batch = "",
        SpecModel = "",
        Lab = "",
    };

    /// <summary>
    /// Each newest inspection beside one of its failed items, or beside none. Not tracked: the context would fix the
    /// failed items up into their inspections, and <see cref="Grouped"/> would add them a second time.
    /// </summary>
    private static readonly Expression<Func<IQueryable<Inspection>, ProductQualityDbContext, IQueryable<Row>>>
        WithFailedItems = (newest, db) =>
            (from i in newest
             from f in db.InspectionFailedItems.Where(f => f.InspectionId == i.Id).DefaultIfEmpty()
             select new Row(i, f)).AsNoTracking();

    // Indexed by InspectionShape (Full, Summary).
    private static readonly Statement[] ByIndexStatements = [new(ByIndex, null), new(ByIndex, Summary)];

    private static readonly Statement[] NumberedStatements = [new(Numbered, null), new(Numbered, Summary)];

    private sealed record Row(Inspection Inspection, InspectionFailedItem? Failed);

    /// <summary>
    /// One provider's form in one shape, with its failed items: compiled, or composed over an asOf day.
    /// </summary>
    private sealed class Statement
    {
        private readonly Expression<Func<ProductQualityDbContext, IQueryable<Inspection>, IReadOnlyList<int>, int,
            IQueryable<Row>>> _form;

        public Statement(Expression<Func<ProductQualityDbContext, IQueryable<Inspection>, IReadOnlyList<int>, int,
            IQueryable<Inspection>>> newest, Expression<Func<Inspection, Inspection>>? columns)
        {
            var (db, known, ids, limit) = (newest.Parameters[0], newest.Parameters[1], newest.Parameters[2],
                newest.Parameters[3]);
            var body = columns is null ? newest.Body
                : Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(Inspection), typeof(Inspection)],
                    newest.Body, Expression.Quote(columns));
            var rows = new ReplacingExpressionVisitor(WithFailedItems.Parameters, [body, db])
                .Visit(WithFailedItems.Body);
            _form = Expression.Lambda<Func<ProductQualityDbContext, IQueryable<Inspection>, IReadOnlyList<int>, int,
                IQueryable<Row>>>(rows, db, known, ids, limit);

            // Every inspection known: the context's own set, read through the context parameter.
            var all = ReplacingExpressionVisitor.Replace(known,
                Expression.Property(db, nameof(ProductQualityDbContext.Inspections)), rows);
            _everyInspection = Expression.Lambda<Func<ProductQualityDbContext, IReadOnlyList<int>, int,
                IQueryable<Row>>>(all, db, ids, limit);
        }

        private readonly Expression<Func<ProductQualityDbContext, IReadOnlyList<int>, int, IQueryable<Row>>>
            _everyInspection;

        // One compiled query per model: EF's keeps the executor of the last model it ran on and compiles again for
        // another, so servers of different settings in one process (the tests, the bench's log on and off) would
        // recompile it whenever their requests alternate.
        private readonly ConditionalWeakTable<IModel,
            Func<ProductQualityDbContext, IReadOnlyList<int>, int, IAsyncEnumerable<Row>>> _compiled = new();

        /// <summary>The form over every inspection, compiled for the context's model.</summary>
        public IAsyncEnumerable<Row> Compiled(ProductQualityDbContext db, IReadOnlyList<int> ids, int limit) =>
            _compiled.GetValue(db.Model, _ => EF.CompileAsyncQuery(_everyInspection))(db, ids, limit);

        /// <summary>
        /// The form over <paramref name="known"/>: the inputs are read from a holder as a closure's are, so EF sends
        /// the keys and the limit as parameters and composes <paramref name="known"/>'s own query in.
        /// </summary>
        public IQueryable<Row> Over(ProductQualityDbContext db, IQueryable<Inspection> known,
            IReadOnlyList<int> ids, int limit)
        {
            var inputs = Expression.Constant(new Inputs(db, known, ids, limit));
            var body = new ReplacingExpressionVisitor(_form.Parameters,
                [.. Inputs.Names.Select(name => Expression.Property(inputs, name))]).Visit(_form.Body);
            return db.Inspections.AsQueryable().Provider.CreateQuery<Row>(body);
        }
    }

    private sealed record Inputs(ProductQualityDbContext Db, IQueryable<Inspection> Known, IReadOnlyList<int> Ids,
        int Limit)
    {
        public static readonly string[] Names = [nameof(Db), nameof(Known), nameof(Ids), nameof(Limit)];
    }
}
