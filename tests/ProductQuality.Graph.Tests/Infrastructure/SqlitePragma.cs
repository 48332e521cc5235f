using System.Data.Common;
using System.Globalization;

namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>Reads a SQLite setting of an open connection (<c>PRAGMA name</c>), as the connection has it now.</summary>
public static class SqlitePragma
{
    public static async Task<long> ReadAsync(DbConnection connection, string name)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA " + name;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
