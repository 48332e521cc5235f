using GraphQL.Types;

namespace ProductQuality.Graph.Schema.Enums;

/// <summary>An enum graph type whose type and values carry bilingual descriptions.</summary>
public abstract class DescribedEnumType<TEnum> : EnumerationGraphType<TEnum>
    where TEnum : Enum
{
    protected DescribedEnumType(string name, string description, IReadOnlyDictionary<TEnum, string> valueDescriptions)
    {
        Name = name;
        Description = description;
        foreach (var value in Values)
        {
            value.Description = valueDescriptions[(TEnum)value.Value!];
        }
    }

    /// <summary>A name that is none of this type's values is refused saying which are.</summary>
    public override object? ParseValue(object? value) => EnumInput.Parse(this, value, base.ParseValue);
}
