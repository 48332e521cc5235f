namespace ProductQuality.Graph.Access;

/// <summary>How a department sees a field group: not at all, masked (personal data partly hidden), or in full.</summary>
public enum FieldAccess
{
    Hidden,
    Masked,
    Full,
}
