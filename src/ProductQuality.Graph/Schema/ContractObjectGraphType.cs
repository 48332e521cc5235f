using GraphQL.Builders;
using GraphQL.Types;
using ProductQuality.Graph.Access;

namespace ProductQuality.Graph.Schema;

/// <summary>
/// Base of every object type: fields are declared with their field group next to them, and a field the schema's
/// contract does not show is never added — it does not exist in that department's schema.
/// </summary>
public abstract class ContractObjectGraphType<TSource>(SchemaContract contract) : ObjectGraphType<TSource>
{
    public SchemaContract Contract { get; } = contract;

    /// <summary>
    /// Declares a field in a field group. <paramref name="published"/>: also shown at Limited access (the published
    /// lists); <paramref name="mask"/>: how it is masked at Masked access. Hidden fields get a detached builder,
    /// so the fluent chain still compiles and runs but adds nothing.
    /// </summary>
    public FieldBuilder<TSource, object> Field<TGraphType>(FieldGroup group, string name, bool published = false,
        MaskKind mask = MaskKind.None)
        where TGraphType : IGraphType
    {
        if (!Contract.Shows(group, published, mask))
        {
            return FieldBuilder<TSource, object>.Create(name, typeof(TGraphType));
        }

        var builder = Field<TGraphType>(name);
        builder.FieldType.Metadata[FieldMetadataKeys.Group] = group;
        builder.FieldType.Metadata[FieldMetadataKeys.Published] = published;
        builder.FieldType.Metadata[FieldMetadataKeys.DeclaredMask] = mask;
        if (Contract.AccessTo(group) == FieldAccess.Masked)
        {
            builder.FieldType.Metadata[FieldMetadataKeys.Mask] = mask;
        }

        return builder;
    }
}
