using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ProductQuality.Graph.Data;

/// <summary>
/// Reads <c>Database:ConnectionString</c> with the provider's own parser at start: a keyword with a value it does not
/// take (<c>Mode=Bogus</c>, <c>Pooling=maybe</c>) otherwise threw when the first connection opened, unhandled. The
/// sentence gives the parser's reason, never the connection string (it may hold a password).
/// </summary>
public sealed class ConnectionStringValidation : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (provider, example) = options.Provider == DatabaseProvider.Postgres
            ? ("PostgreSQL", "Host=db.example;Database=productquality;Username=pq;Password=…")
            : ("SQLite", "Data Source=data/productquality.db");
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                $"Setting Database:ConnectionString is empty: give a {provider} connection string such as {example}.");
        }

        // Keyword by keyword, so the sentence names the one whose value the provider does not take.
        DbConnectionStringBuilder typed = options.Provider == DatabaseProvider.Postgres
            ? new NpgsqlConnectionStringBuilder()
            : new SqliteConnectionStringBuilder();
        string? keyword = null;
        try
        {
            var parts = new DbConnectionStringBuilder { ConnectionString = options.ConnectionString };
            foreach (string key in parts.Keys)
            {
                keyword = key;
                typed[key] = parts[key];
            }

            return typed is SqliteConnectionStringBuilder sqlite
                ? SqliteProblem(sqlite, example)
                : ValidateOptionsResult.Success;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException
            or OverflowException or KeyNotFoundException)
        {
            // A keyword whose values are a list (Mode, Cache, SSL Mode) or true/false: those, not the runtime's
            // "Requested value 'Bogus' was not found" (the docs probe). Only such a value is quoted: others may be a
            // password.
            if (keyword is not null && ChoicesOf(typed, keyword) is var (setting, choices))
            {
                var value = Convert.ToString(
                    new DbConnectionStringBuilder { ConnectionString = options.ConnectionString }[keyword],
                    System.Globalization.CultureInfo.InvariantCulture);
                return ValidateOptionsResult.Fail($"Setting Database:ConnectionString has {setting}='"
                    + $"{Infrastructure.Quoted.Start(value)}', which {provider} does not take: give {choices}.");
            }

            var where = keyword is null ? "" : $"{keyword}: ";
            return ValidateOptionsResult.Fail($"Setting Database:ConnectionString is not a {provider} connection "
                + $"string ({where}{e.Message.TrimEnd('.')}): give one such as {example}, or set Database:Provider.");
        }
    }

    // What a keyword of the provider's builder takes, when it is a list or true/false ("SSL Mode" is SslMode): its
    // property's name and the choices; else null.
    private static (string Name, string Choices)? ChoicesOf(DbConnectionStringBuilder builder, string keyword)
    {
        var name = keyword.Replace(" ", "", StringComparison.Ordinal);
        var property = builder.GetType().GetProperties().FirstOrDefault(p =>
            p.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        var type = property is null ? null : Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        return type switch
        {
            { IsEnum: true } => (property!.Name, "one of " + string.Join(", ", Enum.GetNames(type))),
            _ when type == typeof(bool) => (property!.Name, "true or false"),
            _ => null,
        };
    }

    /// <summary>
    /// What SQLite's parser takes but the server cannot open: no file named (crashed creating its folder), a password
    /// (the bundled SQLite has no encryption; the first open crashed the start), or a database in memory (each
    /// connection would get an empty one of its own).
    /// </summary>
    private static ValidateOptionsResult SqliteProblem(SqliteConnectionStringBuilder sqlite, string example)
    {
        string? problem = sqlite switch
        {
            _ when string.IsNullOrWhiteSpace(sqlite.DataSource) => "names no file (Data Source is empty)",
            { Password.Length: > 0 } => "has a Password, but the bundled SQLite does not encrypt databases; protect "
                + "the file with the file system's permissions instead",
            { DataSource: ":memory:" } or { Mode: SqliteOpenMode.Memory } =>
                "opens a database in memory, which every connection would get empty; name a file",
            _ => UnreadableFile(sqlite.DataSource),
        };
        return problem is null
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Setting Database:ConnectionString {problem}: give one such as {example}.");
    }

    /// <summary>
    /// A database file that is there but does not answer a read: SQLite opens a FIFO (or /dev/stdin) read-write,
    /// which does not block, and then waits in its first read for a writer that never comes — the start hung.
    /// </summary>
    private static string? UnreadableFile(string dataSource)
    {
        var path = Path.GetFullPath(dataSource);
        if (!File.Exists(path))
        {
            return null;   // created on the first start
        }

        var (_, problem) = Infrastructure.SettingFiles.Read(path, 100, tooLong: null);
        return problem is null ? null : $"names '{path}', which {problem}";
    }
}
