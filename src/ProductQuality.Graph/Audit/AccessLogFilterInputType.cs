using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Audit;

public sealed class AccessLogFilterInputType : ContractInputObjectGraphType<AccessLogFilter>
{
    public AccessLogFilterInputType(SchemaContract contract)
        : base(contract)
    {
        Name = "AccessLogFilter";
        Description = "Conditions on the access log (访问日志); all given conditions must hold.";
        Field<StringGraphType>(FieldGroup.Audit, "department").Description("The department id, e.g. finance.");
        Field<StringGraphType>(FieldGroup.Audit, "creditCode")
            .Description("Entries whose answer returned this enterprise's data (统一社会信用代码).");
        Field<StringGraphType>(FieldGroup.Audit, "purpose").Description("The declared purpose, exactly (X-Purpose).");
        Field<AccessOutcomeType>(FieldGroup.Audit, "outcome").Description("How the request ended.");
        Field<DateScalar>(FieldGroup.Audit, "from").Description("From this day (China Standard Time), inclusive.");
        Field<DateScalar>(FieldGroup.Audit, "to").Description("To this day (China Standard Time), inclusive.");
    }
}
