using GraphQL.Builders;
using GraphQL.Types;
using ProductQuality.Graph.Access;

namespace ProductQuality.Graph.Schema;

/// <summary>
/// Base of every object type: fields are declared with their field group next to them, and a field whose group
/// the schema's contract hides is never added — it does not exist in that department's schema.
/// </summary>
public abstract class ContractObjectGraphType<TSource>(SchemaContract contract) : ObjectGraphType<TSource>
{
    public SchemaContract Contract { get; } = contract;

    /// <summary>Declares a field in a field group. Hidden fields get a detached builder, so the fluent chain still compiles and runs.</summary>
    public FieldBuilder<TSource, object> Field<TGraphType>(FieldGroup group, string name)
        where TGraphType : IGraphType
    {
        if (!Contract.Sees(group))
        {
            return FieldBuilder<TSource, object>.Create(name, typeof(TGraphType));
        }

        var builder = Field<TGraphType>(name);
        builder.FieldType.Metadata[FieldMetadataKeys.Group] = group;
        return builder;
    }
}
