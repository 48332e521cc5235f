using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace ProductQuality.Graph.Recording;

/// <summary>
/// A stored document number with its Latin letters in capitals, in a query: what <see cref="DocumentNumber.Forms"/>
/// is compared with. <c>upper()</c> alone folds what each database's collation folds: SQLite's Latin letters only,
/// PostgreSQL's (with a linguistic collation, as production databases have) every script's — "дело-a07" then
/// "ДЕЛО-A07" was one document on PostgreSQL and two on SQLite, and in the other order two on both. PostgreSQL's
/// <c>upper(x COLLATE "C")</c> folds ASCII letters only, as SQLite does and as README says.
/// </summary>
internal static class StoredNumberCapitals
{
    /// <summary>Translated to SQL; not callable outside a query.</summary>
    public static string Of(string stored) =>
        throw new InvalidOperationException($"{nameof(StoredNumberCapitals)}.{nameof(Of)} runs only inside a query.");

    /// <summary>Maps <see cref="Of"/> to the provider's SQL.</summary>
    public static void Map(ModelBuilder modelBuilder, bool postgres) =>
        modelBuilder.HasDbFunction(typeof(StoredNumberCapitals).GetMethod(nameof(Of))!)
            .HasTranslation(arguments => new SqlFunctionExpression("upper",
                [postgres ? new CollateExpression(arguments[0], "C") : arguments[0]], nullable: true,
                argumentsPropagateNullability: [true], typeof(string), arguments[0].TypeMapping));
}
