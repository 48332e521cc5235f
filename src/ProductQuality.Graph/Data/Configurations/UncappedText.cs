using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ProductQuality.Graph.Data.Configurations;

/// <summary>
/// Computed text (reasons, explanations) grows with an enterprise's history, so it has no cap: `text` on PostgreSQL,
/// as SQLite stores it anyway. The context caps strings at 256 by convention; this lifts the cap explicitly.
/// </summary>
internal static class UncappedText
{
    public static PropertyBuilder<T> IsUncappedText<T>(this PropertyBuilder<T> property)
    {
        ArgumentNullException.ThrowIfNull(property);
        property.Metadata.SetMaxLength(null);
        return property;
    }
}
