using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;
using ProductQuality.Graph.Schema.Paging;

namespace ProductQuality.Graph.Infrastructure.Http.Limits;

/// <summary>
/// How many rows one field returns, for the cost estimate: its <c>first</c> (connections and paged lists: the
/// default page when absent, capped at the largest page), its <c>limit</c>, or the configured estimate of the list.
/// The edges, nodes and page info of a connection are the connection's rows again, so they count nothing new.
/// <paramref name="filtered"/>: the reader does not read every fact a product's tier counts, and pays
/// <c>FilteredFieldCosts</c> too.
/// </summary>
internal sealed class ListSize(QueryLimitsOptions options, int maxPageSize, GraphQLOperationDefinition operation,
    Inputs? variables, CountedLists? counted = null, bool filtered = false)
{
    /// <summary>
    /// Whether a size came from the variables (or a variable's default): only an estimate that read none is the same
    /// for every request of the document.
    /// </summary>
    public bool ReadVariables { get; private set; }

    /// <summary>
    /// Whether the estimate priced the count of a list that only grows (<see cref="CountedLists"/>): it moves with
    /// the list, so it is not kept for the document either.
    /// </summary>
    public bool ReadListSizes { get; private set; }

    /// <summary>
    /// The metadata key under which a field with a <c>limit</c> argument declares the largest limit it takes: a limit
    /// outside 0 to that is refused before anything runs (<see cref="Refusal"/>), so a mutation's payload cannot
    /// commit its write and then fail a field, nor a list fail once for each of its rows.
    /// </summary>
    public const string MaxLimitKey = "pq:maxLimit";

    /// <summary>The first <c>limit</c> outside its field's range, refused; null when every one is in range.</summary>
    public LimitRefusal? Refusal { get; private set; }

    /// <summary>
    /// The rows the field returns (whether they count: a connection's edges and nodes are its rows again), and the
    /// rows it reads at every call whatever it returns (<c>FieldCosts</c>: an aggregate's, and the scans of the access
    /// log that what it is asked for below makes: <paramref name="asks"/>, by field name).
    /// </summary>
    public (double Rows, bool Counted, double Reads) Rows(
        IComplexGraphType parent, FieldType definition, GraphQLField field, Func<string, bool> asks)
    {
        if (parent.Name.EndsWith("Connection", StringComparison.Ordinal)
            || parent.Name.EndsWith("Edge", StringComparison.Ordinal))
        {
            return (1, false, 0);
        }

        // A field answering as of a past day restores its rows from history: each is dearer by the factor
        // configured. What is below them is read as it is now, so only the rows themselves are multiplied (an
        // enterprise's restore is 300 rows' work, its products below it are not).
        var name = $"{parent.Name}.{definition.Name}";
        var (rows, counted) = RowsNow(name, parent, definition, field);
        var restored = rows * (AsOfFactor(name, field) - 1);
        var filteredReads = filtered ? options.FilteredFieldCosts.GetValueOrDefault(name) : 0;
        return (rows, counted, options.FieldCosts.GetValueOrDefault(name) + filteredReads + restored
            + LogScans(name, field, rows, asks) + WriteCost(parent));
    }

    /// <summary>A write's work, priced at each of the mutation's own fields (not at what its payload returns).
    /// </summary>
    private double WriteCost(IComplexGraphType parent) =>
        operation.Operation == OperationType.Mutation && parent is IObjectGraphType { Name: "Mutation" }
            ? options.WriteCost
            : 0;

    // The statements of the access log's readers that read every entry in range, each priced as a count of the log
    // (a count is one too). On a log of 2,000,000 entries each took as long as a totalCount, or longer.
    private double LogScans(string name, GraphQLField field, double rows, Func<string, bool> asks)
    {
        var scans = name switch
        {
            // One group-by per grouping asked (the total is their sum), or one count for the total alone: priced as
            // three counts whatever was asked, the summary ran all four groupings, 3.6-4.5 s for its total alone.
            "Query.accessSummary" => Math.Max(AccessSummaryGroupings.Count(g => asks(g)), asks("total") ? 1 : 0),
            // A page filtered by a condition no index of the log serves (its indexes are by time, by department and
            // time, by position) reads entries newest first until its page is full: all of them when none match. So
            // does a page ending on a day (`to`) on PostgreSQL: taking a wide range for many matches, it walks the
            // log newest first with the range as a filter, through every entry after it (a range of 520,000 entries
            // ending five months back in a log of 1,000,000: 1.1 s, 476,801 entries read and dropped); through the
            // time index instead, a page is the range's entries sorted (1.5 s for the same range). Entries are not
            // stored in time order (a correction or a recovered write's entry keeps its request's time), so no
            // position bounds the range.
            // Priced at its page alone, 20 aliases of accessLog(first: 1, filter: {purpose: "nomatch"}) fitted the
            // budget and ran into the timeout (the cost probe). Pricing rather than two indexes more: every request
            // appends to the log before it is answered, and with a department or days beside the condition, an index
            // of purpose alone still leaves the scan of the other's entries. The page is read when it has rows or
            // its page info is asked for (PageBuilder).
            "Query.accessLog" when (rows > 0 || asks("pageInfo")) && FiltersUnindexed(field) => 1,
            _ => 0,
        };
        return scans > 0 && counted?.SizeOf("AccessLogEntryConnection") is { } size ? scans * Counted(size) : 0;
    }

    private static readonly string[] AccessSummaryGroupings = ["byDepartment", "byPurpose", "byOutcome", "byDay"];

    // The access log's filter conditions no index serves (AccessLogScope applies them to each entry it reads), and
    // the end of a range of days, which leaves the entries after it to be read and dropped (above).
    private static readonly string[] UnindexedLogConditions = ["purpose", "outcome", "to"];

    /// <summary>
    /// Whether the field's <c>filter</c> gives a condition no index of the log serves, written in the document or
    /// sent in a variable (the whole filter's, or the condition's).
    /// </summary>
    private bool FiltersUnindexed(GraphQLField field)
    {
        var value = field.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == "filter")?.Value;
        if (value is GraphQLVariable variable)
        {
            ReadVariables = true;
            var name = variable.Name.StringValue;
            if (variables is not null && variables.TryGetValue(name, out var given))
            {
                return given is IReadOnlyDictionary<string, object?> sent
                    && UnindexedLogConditions.Any(c => sent.TryGetValue(c, out var v) && v is not null);
            }

            value = Declared(name)?.DefaultValue; // a default is a constant: read as a literal
        }

        return value is GraphQLObjectValue filter && (filter.Fields ?? []).Any(f =>
            UnindexedLogConditions.Contains(f.Name.StringValue) && Given(f.Value));
    }

    // Whether an argument or input field is given a value: neither left out nor null, nor a variable that is.
    private bool Given(GraphQLValue? value) => value switch
    {
        null or GraphQLNullValue => false,
        GraphQLVariable variable => VariableGiven(variable.Name.StringValue),
        _ => true,
    };

    /// <summary>
    /// The rows a connection's <c>totalCount</c> reads, once per call whatever its page: a list that only grows (the
    /// change feed, the access log) one row per <c>CountedRowsPerRow</c> of its rows, at most <c>MaxCountedRows</c>;
    /// 0 for the others, whose count the data set bounds (enterprises: a few thousand, as cheap as a page).
    /// </summary>
    public double CountRows(IComplexGraphType connection)
    {
        if (counted?.SizeOf(connection.Name) is not { } size)
        {
            return 0;
        }

        return Counted(size);
    }

    private double Counted(long size)
    {
        ReadListSizes = true;
        return Math.Min(Math.Ceiling(size / (double)Math.Max(1, options.CountedRowsPerRow)), options.MaxCountedRows);
    }

    private (double Rows, bool Counted) RowsNow(
        string name, IComplexGraphType parent, FieldType definition, GraphQLField field)
    {
        if (options.MaxCodesOf(name) is { } maxCodes)
        {
            // A bulk field reads one row per code sent; beyond its maximum it refuses to run (TOO_MANY_CODES), so a
            // longer list costs no more than the maximum and gets that refusal, which names the limit.
            return (Math.Clamp(ListLength(field, "creditCodes"), 1, maxCodes), true);
        }

        if (definition.Arguments?.Find("first") is not null)
        {
            return (Math.Clamp(Argument(field, "first") ?? PageSize.Default, 0, maxPageSize), true);
        }

        var type = definition.ResolvedType is NonNullGraphType nonNull ? nonNull.ResolvedType : definition.ResolvedType;
        if (type is not ListGraphType)
        {
            return (1, true);
        }

        if (LimitRows(parent, definition, field) is { } limited)
        {
            return (limited, true);
        }

        return (options.ListSizes.GetValueOrDefault(name, options.DefaultListSize), true);
    }

    /// <summary>
    /// The rows a scalar counts: a list of them when <c>ListSizes</c> names it (an access log entry's codes), its
    /// <c>limit</c> when given; and any scalar what it reads at every call (<c>FieldCosts</c>: an entry's codes and
    /// their count, read by a statement of their own). Other scalars and lists of them come with their row.
    /// </summary>
    public double ScalarRows(IComplexGraphType parent, FieldType definition, GraphQLField field)
    {
        var name = $"{parent.Name}.{definition.Name}";
        var reads = options.FieldCosts.GetValueOrDefault(name);
        var type = definition.ResolvedType is NonNullGraphType nonNull ? nonNull.ResolvedType : definition.ResolvedType;
        if (type is not ListGraphType || !options.ListSizes.TryGetValue(name, out var size))
        {
            return reads;
        }

        return (LimitRows(parent, definition, field) ?? size) + reads;
    }

    /// <summary>
    /// The rows a field's <c>limit</c> asks for, when it has one and the document says it; a limit outside the
    /// field's declared range is noted as the <see cref="Refusal"/>.
    /// </summary>
    private long? LimitRows(IComplexGraphType parent, FieldType definition, GraphQLField field)
    {
        if (definition.Arguments?.Find("limit") is null || Argument(field, "limit") is not { } limit)
        {
            return null;
        }

        var max = definition.GetMetadata<int?>(MaxLimitKey);
        if (max is { } most && IntArgument(field, "limit") is { } asked && (asked < 0 || asked > most))
        {
            Refusal ??= LimitRefusal.BadRequest(asked < 0 ? "INVALID_ARGUMENT" : "PAGE_TOO_LARGE",
                $"'limit' of {parent.Name}.{definition.Name} must be between 0 and {most}; it was {asked}.",
                "limitAsked", asked, most);
        }

        return Math.Clamp(limit, 0, Math.Max(maxPageSize, max ?? 0));
    }

    /// <summary>The factor of a field asked <c>asOf</c> a day (<c>AsOfCostFactors</c>); 1 without it.</summary>
    private long AsOfFactor(string name, GraphQLField field)
    {
        if (!options.AsOfCostFactors.TryGetValue(name, out var factor))
        {
            return 1;
        }

        var value = field.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == "asOf")?.Value;
        return Given(value) ? Math.Max(1, factor) : 1;
    }

    private bool VariableGiven(string name)
    {
        ReadVariables = true;
        if (variables is not null && variables.TryGetValue(name, out var given))
        {
            return given is not null;
        }

        return Declared(name)?.DefaultValue is { } fallback and not GraphQLNullValue;
    }

    private long ListLength(GraphQLField field, string name)
    {
        var value = field.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == name)?.Value;
        return value switch
        {
            GraphQLListValue list => list.Values?.Count ?? 0,
            GraphQLVariable variable => VariableLength(variable.Name.StringValue),
            _ => 1,
        };
    }

    private long VariableLength(string name)
    {
        ReadVariables = true;
        return variables is not null && variables.TryGetValue(name, out var given)
            ? given switch
            {
                System.Collections.ICollection items => items.Count,
                null => 0,
                _ => 1,
            }
            : 1;
    }

    /// <summary>
    /// The argument as the field will receive it, when it is plainly a GraphQL Int: a literal in Int's range, or a
    /// declared Int variable holding one. Anything else (a fraction, an undeclared variable, a number past Int) is
    /// left to validation, which names the real mistake.
    /// </summary>
    private int? IntArgument(GraphQLField field, string name)
    {
        var value = field.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == name)?.Value;
        switch (value)
        {
            case GraphQLIntValue literal:
                return int.TryParse(literal.Value.Span, System.Globalization.NumberStyles.AllowLeadingSign,
                    System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
            case GraphQLVariable variable:
                var declared = Declared(variable.Name.StringValue);
                var type = declared?.Type is GraphQLNonNullType nonNull ? nonNull.Type : declared?.Type;
                if (type is not GraphQLNamedType { Name.StringValue: "Int" })
                {
                    return null;
                }

                ReadVariables = true;
                return variables is not null && variables.TryGetValue(variable.Name.StringValue, out var given)
                    ? given as int?
                    : declared!.DefaultValue is GraphQLIntValue fallback
                        && int.TryParse(fallback.Value.Span, out var d) ? d : null;
            default:
                return null;
        }
    }

    private long? Argument(GraphQLField field, string name)
    {
        var value = field.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == name)?.Value;
        return value switch
        {
            GraphQLIntValue literal => long.TryParse(literal.Value.Span, out var n) ? n : long.MaxValue,
            GraphQLVariable variable => Variable(variable.Name.StringValue),
            _ => null,
        };
    }

    private long? Variable(string name)
    {
        ReadVariables = true;
        if (variables is not null && variables.TryGetValue(name, out var given))
        {
            return given switch
            {
                int i => i,
                long l => l,
                double d => double.IsFinite(d) ? (long)Math.Clamp(d, long.MinValue, long.MaxValue) : null,
                decimal m => (long)Math.Clamp(m, long.MinValue, long.MaxValue),
                System.Numerics.BigInteger b => b > long.MaxValue ? long.MaxValue
                    : b < long.MinValue ? long.MinValue : (long)b,
                _ => null,
            };
        }

        var fallback = Declared(name)?.DefaultValue;
        return fallback is GraphQLIntValue literal && long.TryParse(literal.Value.Span, out var n) ? n : null;
    }

    /// <summary>The operation's declaration of this variable (its type and default); null when undeclared.</summary>
    private GraphQLVariableDefinition? Declared(string name) =>
        operation.Variables?.Items.FirstOrDefault(v => v.Variable.Name.StringValue == name);
}
