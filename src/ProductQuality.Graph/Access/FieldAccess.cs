namespace ProductQuality.Graph.Access;

/// <summary>How an audience sees a field group.</summary>
public enum FieldAccess
{
    /// <summary>The group's fields do not exist for the audience.</summary>
    Hidden,

    /// <summary>
    /// Only the group's fields marked as published: identity "listed only" (enterprises reached through the published
    /// lists, no directory) and blacklist detail "reason category" for the public.
    /// </summary>
    Limited,

    /// <summary>
    /// Personal data shown masked (张*, 138****5678, address to the town); fields that cannot be masked are hidden.
    /// </summary>
    Masked,

    /// <summary>Every field of the group in full.</summary>
    Full,
}
