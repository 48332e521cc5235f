using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Audit;

public sealed class AccessCountType : ContractObjectGraphType<AccessCount>
{
    public AccessCountType(SchemaContract contract)
        : base(contract)
    {
        Name = "AccessCount";
        Description = "How many logged requests share one key.";
        Field<StringGraphType>(FieldGroup.Audit, "key")
            .Description("The department, purpose, day (YYYY-MM-DD, China Standard Time) or outcome; null for none "
                + "(the public or a refused identity; no purpose declared).")
            .ResolveSource(s => s.Key);
        Field<NonNullGraphType<IntGraphType>>(FieldGroup.Audit, "count").Description("Requests.")
            .ResolveSource(s => s.Count);
    }
}
