using System.Globalization;
using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;
using ProductQuality.Graph.Infrastructure;
using ProductQuality.Graph.Access;

namespace ProductQuality.Graph.Infrastructure.Http.Limits;

/// <summary>
/// The checks on a parsed document before validation and execution: operations, aliases and fields (linear in the
/// document), then the estimated cost of the operation to run against the caller's budget.
/// </summary>
internal sealed class DocumentLimits(QueryLimitsOptions options, int maxPageSize, CountedLists? counted = null)
{
    // Documents whose shape passed: the endpoint reuses the parsed document of a cached query, so only its cost
    // (which depends on the variables) is estimated again.
    private readonly ConditionalWeakTable<GraphQLDocument, object> _shapesPassed = [];

    // Estimates that read no variable, by operation and schema: the same for every request of a cached document, so
    // a status query (whose only variable is the credit code) is not walked again each time.
    private readonly ConditionalWeakTable<GraphQLOperationDefinition, ReferenceKeyedValues<ISchema, long>> _fixedCosts =
        [];

    // The same for readers that pay FilteredFieldCosts: a county bureau reads through the city regulator's schema.
    private readonly ConditionalWeakTable<GraphQLOperationDefinition, ReferenceKeyedValues<ISchema, long>>
        _filteredFixedCosts = [];

    /// <param name="cost">The estimated cost of the operation, when it got that far (for the metrics).</param>
    public LimitRefusal? Check(GraphQLDocument document, string? operationName, Inputs? variables,
        ISchema schema, Audience audience, EffectiveLimits limits, out long? cost)
    {
        cost = null;
        if (!_shapesPassed.TryGetValue(document, out _))
        {
            if (CheckShape(document) is { } refusal)
            {
                return refusal;
            }

            _shapesPassed.AddOrUpdate(document, document);
        }

        if (Selected(document, operationName) is not { } operation)
        {
            return null; // no such operation, or several without a name: validation says so
        }

        var (estimate, outOfRange, counts) = Estimate(schema, document, operation, variables,
            !Products.TierReasons.ReadsEveryFact(audience));
        cost = estimate;
        if (outOfRange is not null)
        {
            return outOfRange;
        }

        if (estimate <= limits.MaxCost)
        {
            return null;
        }

        var who = audience.Department is { } department ? $"department '{department}'" : "anonymous callers";
        var (rows, budget) = (N0(estimate), N0(limits.MaxCost));
        // A bulk check has no page to shrink: its size is the codes sent. Both remedies when it stands beside pages
        // (the estimate does not say which part cost what).
        var bulk = BulkFields(document, operation.SelectionSet);
        var remedy = bulk.Count > 0
            ? $"Each credit code sent to {string.Join(" and ", bulk)} counts a row for every list it returns: send "
                + "fewer codes per request (split the list over several requests), ask for fewer lists per code, or "
                + "for smaller pages (first) elsewhere in the query."
            : "Ask for smaller pages (first), fewer nested lists, or page through the data in several requests.";
        if (counts)
        {
            // The page advice alone misled: a count of a long log costs the same whatever the page.
            remedy = "A totalCount of the change feed or the access log, each grouping of accessSummary, and an "
                + "accessLog page filtered by purpose, outcome or an end day (to) count the whole list at every call, "
                + $"whatever the page (up to {N0(options.MaxCountedRows)} rows each): ask for each once. " + remedy;
        }

        if (operation.Operation == OperationType.Mutation && options.WriteCost > 0)
        {
            // Page advice for a document of writes: what costs is each write's re-evaluation.
            remedy = $"Each write counts {N0(options.WriteCost)} rows for the re-evaluation it runs: send fewer "
                + $"writes in one request (up to {N0(Math.Max(1, (limits.MaxCost - 1) / options.WriteCost))} fit), "
                + "and the others in further requests.";
        }

        return LimitRefusal.BadRequest("QUERY_TOO_COMPLEX",
            $"The query would read about {rows} rows (page sizes multiplied through nested lists); the limit for " +
            $"{who} is {budget}. {remedy}",
            "cost", estimate, limits.MaxCost);
    }

    /// <summary>
    /// The root fields that take a list of credit codes (blacklistCheck, enterpriseStatuses), written directly or
    /// through fragments (the look-ahead's walk: one nested past its depth only costs the message its bulk advice).
    /// </summary>
    private static SortedSet<string> BulkFields(GraphQLDocument document, GraphQLSelectionSet selections)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        Schema.SelectionLookAhead.AnyField(document, selections, found, static (_, field, found) =>
        {
            if (field.Arguments?.Items.Any(a => a.Name.Value.Span.SequenceEqual("creditCodes")) == true)
            {
                found.Add(field.Name.StringValue);
            }

            return false;
        }, tooDeep: false);
        return found;
    }

    // The estimate, the refusal of a limit out of its field's range (a document with one is never cached: each
    // request of it is refused again), and whether it priced a count of a list that only grows.
    private (long Estimate, LimitRefusal? OutOfRange, bool Counts) Estimate(ISchema schema, GraphQLDocument document,
        GraphQLOperationDefinition operation, Inputs? variables, bool filtered)
    {
        var cache = filtered ? _filteredFixedCosts : _fixedCosts;
        if (cache.TryGetValue(operation, out var known) && known.TryGet(schema, out var fixedCost))
        {
            return (fixedCost, null, false);
        }

        var sizes = new ListSize(options, maxPageSize, operation, variables, counted, filtered);
        var estimate = CostEstimator.Estimate(schema, document, operation, sizes);
        if (!sizes.ReadVariables && !sizes.ReadListSizes && sizes.Refusal is null)
        {
            cache.GetValue(operation, static _ => new()).Add(schema, estimate);
        }

        return (estimate, sizes.Refusal, sizes.ReadListSizes);
    }

    private LimitRefusal? CheckShape(GraphQLDocument document)
    {
        var counts = DocumentCounter.Count(document);
        if (counts.Operations > options.MaxOperations)
        {
            return LimitRefusal.BadRequest("TOO_MANY_OPERATIONS",
                $"The document holds {counts.Operations} operations; at most {options.MaxOperations} are accepted. " +
                "Send only the operations you use, one request per operation.",
                "operations", counts.Operations, options.MaxOperations);
        }

        if (counts.Aliases > options.MaxAliases)
        {
            return LimitRefusal.BadRequest("TOO_MANY_ALIASES",
                $"The document has {counts.Aliases} aliased fields (a fragment counts at every spread); at most " +
                $"{options.MaxAliases} are accepted. Ask for a list with a filter instead of many aliased look-ups, " +
                "or split the request.", "aliases", counts.Aliases, options.MaxAliases);
        }

        if (counts.Fields > options.MaxFields)
        {
            return LimitRefusal.BadRequest("TOO_MANY_FIELDS",
                $"The document selects {counts.Fields} fields (a fragment counts at every spread); at most " +
                $"{options.MaxFields} are accepted. Select fewer fields or split the request.",
                "fields", counts.Fields, options.MaxFields);
        }

        if (counts.Introspections > options.MaxIntrospections)
        {
            return LimitRefusal.BadRequest("TOO_MANY_INTROSPECTIONS",
                $"The document asks __schema or __type {counts.Introspections} times (a fragment counts at every " +
                $"spread); at most {options.MaxIntrospections} are accepted. The schema is the same each time: ask " +
                "for it once, or download it (/graphql/schema.graphql).", "introspections", counts.Introspections,
                options.MaxIntrospections);
        }

        var (name, repeats) = FieldRepeats.Most(document, options.MaxFieldRepeats);
        if (repeats > options.MaxFieldRepeats)
        {
            return LimitRefusal.BadRequest("TOO_MANY_REPEATS",
                $"The field '{name}' is selected {repeats} times in one selection set (its fragments and the copies " +
                $"of the field above merged); at most {options.MaxFieldRepeats} are accepted. Select it once, or " +
                "under different aliases.", "repeats", repeats, options.MaxFieldRepeats);
        }

        return null;
    }

    private static string N0(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static GraphQLOperationDefinition? Selected(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>();
        return operationName is null
            ? operations.Take(2).Count() == 1 ? operations.First() : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
    }
}
