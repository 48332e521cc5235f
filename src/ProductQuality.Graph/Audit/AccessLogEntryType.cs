using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Audit;

/// <summary>One logged request as the regulator reads it; a county bureau sees only its county's codes.</summary>
public sealed class AccessLogEntryType : ContractObjectGraphType<AccessLogView>
{
    public AccessLogEntryType(SchemaContract contract)
        : base(contract)
    {
        Name = "AccessLogEntry";
        Description = "One GraphQL request in the access log (访问日志): who asked, why, what it received, how it "
            + "ended, and its link in the hash chain.";
        Field<NonNullGraphType<LongGraphType>>(FieldGroup.Audit, "seq").Description("Position in the hash chain.")
            .Resolve(c => c.Source.Entry.Seq);
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Audit, "at")
            .Description("When the request arrived (UTC, ISO 8601, microseconds).")
            .Resolve(c => AccessChain.Timestamp(c.Source.Entry.AtUtc));
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Audit, "requestId")
            .Description("The request id, as in the server's logs and error answers.")
            .Resolve(c => c.Source.Entry.RequestId);
        Field<StringGraphType>(FieldGroup.Audit, "department")
            .Description("The department; null for the public and for refused identities.")
            .Resolve(c => c.Source.Entry.Department);
        Field<StringGraphType>(FieldGroup.Audit, "subject").Description("The token's subject (officer or system).")
            .Resolve(c => c.Source.Entry.Subject);
        Field<StringGraphType>(FieldGroup.Audit, "clientAddress").Description("The client's network address.")
            .Resolve(c => c.Source.Entry.ClientAddress);
        Field<StringGraphType>(FieldGroup.Audit, "operationName").Resolve(c => c.Source.Entry.OperationName)
            .Description("The operation name sent, if any.");
        Field<StringGraphType>(FieldGroup.Audit, "documentSha256").Resolve(c => c.Source.Entry.DocumentSha256)
            .Description("SHA-256 (hex) of the document's UTF-8 text as sent.");
        Field<StringGraphType>(FieldGroup.Audit, "variablesSha256").Resolve(c => c.Source.Entry.VariablesSha256)
            .Description("SHA-256 (hex) of the variables' JSON text as sent; null without variables.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>(FieldGroup.Audit, "fieldGroups")
            .Description("The field groups (ACCESS.md) of the fields answered, e.g. Identity, BlacklistStatus.")
            .Resolve(c => c.Source.Entry.FieldGroups.Length == 0 ? [] : c.Source.Entry.FieldGroups.Split(','));
        Field<StringGraphType>(FieldGroup.Audit, "purpose").Description("The declared purpose (X-Purpose).")
            .Resolve(c => c.Source.Entry.Purpose);
        Field<NonNullGraphType<AccessOutcomeType>>(FieldGroup.Audit, "outcome").Description("How it ended.")
            .Resolve(c => c.Source.Entry.Outcome);
        Field<NonNullGraphType<IntGraphType>>(FieldGroup.Audit, "status")
            .Description("The HTTP status answered; for a WebSocket refusal that closes the connection, its close code "
                + "(4403, 1013, …).")
            .Resolve(c => c.Source.Entry.Status);
        Field<StringGraphType>(FieldGroup.Audit, "errorCode").Description("The first error's code, if any.")
            .Resolve(c => c.Source.Entry.ErrorCode);
        Field<NonNullGraphType<FloatGraphType>>(FieldGroup.Audit, "durationMs").Description("Time to answer, in ms.")
            .Resolve(c => c.Source.Entry.DurationMicroseconds / 1000.0);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>(FieldGroup.Audit, "creditCodes")
            .Description("The credit codes of the enterprises whose data the answer returned (asked for or not), "
                + "sorted; for a county bureau only its county's.")
            .ResolveSource(s => s.Codes);
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Audit, "previousHash")
            .Description("The hash of the entry before it in the chain.").Resolve(c => c.Source.Entry.PreviousHash);
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Audit, "hash")
            .Description("This entry's hash: SHA-256 over its position, the previous hash and its content.")
            .Resolve(c => c.Source.Entry.Hash);
    }
}
