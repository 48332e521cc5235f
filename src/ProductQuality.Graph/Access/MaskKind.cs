namespace ProductQuality.Graph.Access;

/// <summary>How a personal-data field is masked when its group is <see cref="FieldAccess.Masked"/>.</summary>
public enum MaskKind
{
    /// <summary>Not maskable: hidden at Masked access.</summary>
    None,

    /// <summary>A person's name: the surname and one star per other character (张**).</summary>
    PersonName,

    /// <summary>A phone number: first three and last four digits (138****5678).</summary>
    Phone,

    /// <summary>An address: kept to the town or sub-district (…许村镇****).</summary>
    Address,
}
