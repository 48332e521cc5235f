using GraphQL;
using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Audit;

/// <summary>
/// One logged request as the regulator reads it. A county bureau sees only its county's codes, and not the entry's
/// place in the chain: the chain runs through every county's and every department's requests, so its positions
/// (seq 2851, 2850, 2847…) counted the requests in between that the bureau may not see, and a chain it cannot walk
/// whole proves nothing to it.
/// </summary>
public sealed class AccessLogEntryType : ContractObjectGraphType<AccessLogEntry>
{
    public AccessLogEntryType(SchemaContract contract)
        : base(contract)
    {
        Name = "AccessLogEntry";
        Description = "One GraphQL request in the access log (访问日志): who asked, why, what it received, how it "
            + "ended, and its link in the hash chain.";
        Field<LongGraphType>(FieldGroup.Audit, "seq")
            .Description("Position in the hash chain; null for a county bureau (the chain runs through every county's "
                + "entries).")
            .Resolve(c => InChain(c, c.Source.Seq));
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Audit, "at")
            .Description("When the request arrived (UTC, ISO 8601, microseconds).")
            .Resolve(c => AccessChain.Timestamp(c.Source.AtUtc));
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Audit, "requestId")
            .Description("The request id, as in the server's logs and error answers.")
            .Resolve(c => c.Source.RequestId);
        Field<StringGraphType>(FieldGroup.Audit, "department")
            .Description("The department; null for the public and for refused identities.")
            .Resolve(c => c.Source.Department);
        Field<StringGraphType>(FieldGroup.Audit, "subject").Description("The token's subject (officer or system).")
            .Resolve(c => c.Source.Subject);
        Field<StringGraphType>(FieldGroup.Audit, "clientAddress").Description("The client's network address.")
            .Resolve(c => c.Source.ClientAddress);
        Field<StringGraphType>(FieldGroup.Audit, "operationName").Resolve(c => c.Source.OperationName)
            .Description("The operation name sent, if any.");
        Field<StringGraphType>(FieldGroup.Audit, "documentSha256")
            .Resolve(c => OwnOrWhole(c, c.Source.DocumentSha256))
            .Description("SHA-256 (hex) of the document's UTF-8 text as sent; for a county bureau, of its own "
                + "requests only.");
        Field<StringGraphType>(FieldGroup.Audit, "variablesSha256")
            .Resolve(c => OwnOrWhole(c, c.Source.VariablesSha256))
            .Description("SHA-256 (hex) of the variables' JSON text as sent; null without variables; for a county "
                + "bureau, of its own requests only.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>(FieldGroup.Audit, "fieldGroups")
            .Description("The field groups (ACCESS.md) of the fields answered, e.g. Identity, BlacklistStatus.")
            .Resolve(c => c.Source.FieldGroups.Length == 0 ? [] : c.Source.FieldGroups.Split(','));
        Field<StringGraphType>(FieldGroup.Audit, "purpose").Description("The declared purpose (X-Purpose).")
            .Resolve(c => c.Source.Purpose);
        Field<NonNullGraphType<AccessOutcomeType>>(FieldGroup.Audit, "outcome").Description("How it ended.")
            .Resolve(c => c.Source.Outcome);
        Field<NonNullGraphType<IntGraphType>>(FieldGroup.Audit, "status")
            .Description("The HTTP status answered; for a WebSocket refusal that closes the connection, its close code "
                + "(4403, 1013, …).")
            .Resolve(c => c.Source.Status);
        Field<StringGraphType>(FieldGroup.Audit, "errorCode").Description("The first error's code, if any.")
            .Resolve(c => c.Source.ErrorCode);
        Field<NonNullGraphType<FloatGraphType>>(FieldGroup.Audit, "durationMs").Description("Time to answer, in ms.")
            .Resolve(c => c.Source.DurationMicroseconds / 1000.0);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>(FieldGroup.Audit, "creditCodes")
            .Description("The credit codes of the enterprises whose data the answer returned (asked for or not), "
                + "sorted, the first `limit` of them; for a county bureau only its county's. creditCodeCount says how "
                + "many there are in all; an entry's other codes are found with filter.creditCode.")
            .Argument<IntGraphType>("limit", $"How many codes of the entry to return (default "
                + $"{AccessLogCodeLoader.DefaultLimit}, 0 to {AccessLogCodeLoader.MaxLimit}; more is PAGE_TOO_LARGE). "
                + "The cost of a page counts this many codes for each entry.")
            .WithMetadata(Infrastructure.Http.Limits.ListSize.MaxLimitKey, AccessLogCodeLoader.MaxLimit)
            .Resolve(c => AccessLogCodeLoader.CodesOf(c, c.Source,
                AccessLogCodeLoader.Checked(c.GetArgument<int?>("limit"))));
        Field<NonNullGraphType<IntGraphType>>(FieldGroup.Audit, "creditCodeCount")
            .Description("How many enterprises' data the answer returned (for a county bureau, of its county).")
            .Resolve(c => AccessLogCodeLoader.CountOf(c, c.Source));
        Field<StringGraphType>(FieldGroup.Audit, "previousHash")
            .Description("The hash of the entry before it in the chain; null for a county bureau.")
            .Resolve(c => InChain(c, c.Source.PreviousHash));
        Field<StringGraphType>(FieldGroup.Audit, "hash")
            .Description("This entry's hash: SHA-256 over its position, the previous hash and its content; null for "
                + "a county bureau.")
            .Resolve(c => InChain(c, c.Source.Hash));
    }

    /// <summary>
    /// What another department sent, hashed: a county bureau sees an entry for its county's codes, but the document
    /// and variables of a city-wide department's request hold other counties' codes too, and their hashes confirmed a
    /// guessed list of them (the leak probe). Its own requests' hashes are its own to check.
    /// </summary>
    private static string? OwnOrWhole(IResolveFieldContext<AccessLogEntry> context, string? value) =>
        context.Audience() is { Rows.County: not null } county && county.Department != context.Source.Department
            ? null
            : value;

    /// <summary>A value of the chain itself, for a reader who sees every entry (not a county bureau).</summary>
    private static object? InChain(IResolveFieldContext context, object value) =>
        context.Audience().Rows.County is null ? value : null;
}
