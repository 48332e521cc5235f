using System.Reflection;
using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Recording;

/// <summary>
/// A write's input type, built by GraphQL.NET from its record: one field per property, named in camelCase,
/// described by its <c>[Description]</c>, non-null where the property is (nullable reference types), so each input
/// field is declared once. Every field is in the write group, like the mutation that takes it.
/// </summary>
public sealed class WriteInputType<TInput> : AutoRegisteringInputObjectGraphType<TInput>
    where TInput : class
{
    public WriteInputType()
    {
        // The record's own name (RecordSamplingInput), whatever GraphQL.NET would derive from it.
        Name = typeof(TInput).Name;
    }

    protected override FieldType? CreateField(MemberInfo memberInfo)
    {
        var field = base.CreateField(memberInfo);
        if (field is not null)
        {
            field.Metadata[FieldMetadataKeys.Group] = FieldGroup.Write;
        }

        return field;
    }
}
