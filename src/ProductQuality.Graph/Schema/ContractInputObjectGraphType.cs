using GraphQL.Builders;
using GraphQL.Types;
using ProductQuality.Graph.Access;

namespace ProductQuality.Graph.Schema;

/// <summary>
/// Input types follow the contract too: a filter on a hidden field does not exist for that department.
/// </summary>
public abstract class ContractInputObjectGraphType<TSource>(SchemaContract contract) : InputObjectGraphType<TSource>
{
    protected SchemaContract Contract { get; } = contract;

    protected FieldBuilder<TSource, object> Field<TGraphType>(FieldGroup group, string name)
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
