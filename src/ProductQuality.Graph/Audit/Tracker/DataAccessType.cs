using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Audit.Tracker;

/// <summary>
/// One delivery of an enterprise's data, as its data tracker shows it: when, to whom, why, which field groups.
/// Hashes, addresses and the other enterprises of the same answer are the regulator's (accessLog), not here.
/// </summary>
public sealed class DataAccessType : ContractObjectGraphType<AccessLogEntry>
{
    public DataAccessType(SchemaContract contract)
        : base(contract)
    {
        Name = "DataAccess";
        Description = "One request whose answer returned the enterprise's data (数据使用记录): when, which department, "
            + "for what declared purpose, which field groups.";
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Audit, "at")
            .Description("When the request arrived (UTC, ISO 8601, microseconds).")
            .Resolve(c => AccessChain.Timestamp(c.Source.AtUtc));
        Field<StringGraphType>(FieldGroup.Audit, "department")
            .Description("The department's id (e.g. finance), or enterprise-self for the enterprise's own token; "
                + "null for the anonymous public (published lists).")
            .ResolveSource(s => s.Department);
        Field<StringGraphType>(FieldGroup.Audit, "departmentName")
            .Description("The department's name (部门名称) as configured; null for the public.")
            .Resolve(c => c.Service<AccessPolicy>().NameOf(c.Source.Department));
        Field<StringGraphType>(FieldGroup.Audit, "purpose")
            .Description("The purpose the department declared (用途, X-Purpose), e.g. loan-review; null if none.")
            .ResolveSource(s => s.Purpose);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>(FieldGroup.Audit, "fieldGroups")
            .Description("The field groups (ACCESS.md) of the fields the answer held, e.g. Identity, Class, Health.")
            .Resolve(c => c.Source.FieldGroups.Length == 0 ? [] : c.Source.FieldGroups.Split(','));
        Field<StringGraphType>(FieldGroup.Audit, "operationName")
            .Description("The operation name the department sent, if any.").ResolveSource(s => s.OperationName);
        Field<NonNullGraphType<AccessOutcomeType>>(FieldGroup.Audit, "outcome")
            .Description("How the request ended (an answer with some errors may still have returned data).")
            .ResolveSource(s => s.Outcome);
    }
}
