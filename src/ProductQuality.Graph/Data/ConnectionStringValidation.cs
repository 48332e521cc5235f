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
public sealed partial class ConnectionStringValidation : IValidateOptions<DatabaseOptions>
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

            return typed switch
            {
                SqliteConnectionStringBuilder sqlite => SqliteProblem(sqlite, example),
                NpgsqlConnectionStringBuilder postgres => PostgresProblem(postgres, example),
                _ => ValidateOptionsResult.Success,
            };
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException
            or OverflowException or KeyNotFoundException)
        {
            return ValidateOptionsResult.Fail(keyword is null
                ? $"Setting Database:ConnectionString is not a {provider} connection string "
                    + $"({e.Message.TrimEnd('.')}): give one such as {example}, or set Database:Provider."
                : KeywordProblem(typed, keyword, options, e, provider, example));
        }
    }

    // A keyword the provider's parser refused: one it does not know, or a value it does not take. Only values that
    // are a choice or a number are quoted: others may be a password.
    private static string KeywordProblem(DbConnectionStringBuilder typed, string keyword, DatabaseOptions options,
        Exception e, string provider, string example)
    {
        var value = Convert.ToString(new DbConnectionStringBuilder { ConnectionString = options.ConnectionString }
            [keyword], System.Globalization.CultureInfo.InvariantCulture);
        var quoted = Infrastructure.Quoted.Start(value);
        if (e.InnerException is KeyNotFoundException
            || e.Message.Contains("not supported", StringComparison.OrdinalIgnoreCase))
        {
            return $"Setting Database:ConnectionString has the keyword '{keyword}', which {provider} does not know"
                + $"{OtherProviderHint(keyword, options.Provider)}: give one such as {example}.";
        }

        // A keyword whose values are a list (Mode, Cache, SSL Mode) or true/false: those, not the runtime's
        // "Requested value 'Bogus' was not found" (the docs probe).
        if (ChoicesOf(typed, keyword) is var (setting, choices))
        {
            return $"Setting Database:ConnectionString has {setting}='{quoted}', which {provider} does not take: "
                + $"give {choices}.";
        }

        // A number: the parser's "Couldn't set Port (Parameter 'Port')" named no rule (the fuzz probe).
        if (NumberOf(typed, keyword) is { } number)
        {
            return $"Setting Database:ConnectionString has {number}='{quoted}', which {provider} does not take: "
                + $"give a whole number{RangeOf(number, e.InnerException ?? e)}.";
        }

        return $"Setting Database:ConnectionString has a value for {keyword} that {provider} does not take: give one "
            + $"such as {example}.";
    }

    // Keywords of the other provider's connection strings: the string was written for it.
    private static string OtherProviderHint(string keyword, DatabaseProvider provider)
    {
        var key = keyword.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        return provider == DatabaseProvider.Postgres && key is "DATASOURCE" or "FILENAME" or "MODE" or "CACHE"
            ? " (it is a SQLite keyword: for SQLite set Database:Provider=Sqlite)"
            : provider == DatabaseProvider.Sqlite && key is "HOST" or "SERVER" or "PORT" or "USERNAME" or "USERID"
                or "DATABASE"
            ? " (it is a PostgreSQL keyword: for PostgreSQL set Database:Provider=Postgres)"
            : "";
    }

    // The property of a whole-number keyword ("Command Timeout" is CommandTimeout), or null.
    private static string? NumberOf(DbConnectionStringBuilder builder, string keyword) =>
        PropertyOf(builder, keyword) is var (name, type)
            && (type == typeof(int) || type == typeof(long) || type == typeof(short))
            ? name
            : null;

    // The builder's property a keyword sets ("Command Timeout" is CommandTimeout) and its value type, or null.
    private static (string Name, Type Type)? PropertyOf(DbConnectionStringBuilder builder, string keyword)
    {
        var name = keyword.Replace(" ", "", StringComparison.Ordinal);
        var property = builder.GetType().GetProperties().FirstOrDefault(p =>
            p.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        return property is null
            ? null
            : (property.Name, Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType);
    }

    // The range the parser's refusal states, in words: .NET's "must be a non-negative value", "must be less than or
    // equal to '1024'" and the like; nothing when it did not say.
    private static string RangeOf(string property, Exception refusal)
    {
        if (property == "Port")
        {
            return " from 1 to 65535";
        }

        var said = refusal.Message;
        return said.Contains("non-negative and non-zero", StringComparison.Ordinal) ? " of 1 or more"
            : said.Contains("non-negative", StringComparison.Ordinal) ? " of 0 or more"
            : LessOrEqual().Match(said) is { Success: true } most ? $" of at most {most.Groups[1].Value}"
            : GreaterOrEqual().Match(said) is { Success: true } least ? $" of {least.Groups[1].Value} or more"
            : "";
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"less than or equal to '(-?\d+)'")]
    private static partial System.Text.RegularExpressions.Regex LessOrEqual();

    [System.Text.RegularExpressions.GeneratedRegex(@"greater than or equal to '(-?\d+)'")]
    private static partial System.Text.RegularExpressions.Regex GreaterOrEqual();

    /// <summary>
    /// What Npgsql's parser takes but cannot connect with: no server named (the first open threw
    /// ArgumentNullException), or a port past 65535 (ArgumentOutOfRangeException from the socket's address): both
    /// crashed the start and every verb with a stack trace (the fuzz probe).
    /// </summary>
    private static ValidateOptionsResult PostgresProblem(NpgsqlConnectionStringBuilder postgres, string example)
    {
        var problem = postgres switch
        {
            _ when string.IsNullOrWhiteSpace(postgres.Host)
                && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("PGHOST")) =>
                $"names no server (Host is empty): give one such as {example}.",
            { Port: > 65535 } => string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"has Port='{postgres.Port}', which is not a TCP port: give a whole number from 1 to 65535."),
            { MaxPoolSize: < 1 } => "has Maximum Pool Size below 1, so no connection could ever open: give 1 or "
                + "more (the server runs up to GraphQL:Limits:MaxConcurrentRequests requests at once).",
            _ => HostPortProblem(postgres.Host) ?? BuildProblem(postgres) ?? DatabaseProblem(postgres, example),
        };
        return problem is null
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Setting Database:ConnectionString {problem}");
    }

    // No Database: Npgsql then connects to the database named after the user, and with Username=postgres the server
    // migrated and seeded the maintenance database 'postgres' (the PostgreSQL probe). PGDATABASE names one, as PGHOST
    // names the server above.
    private static string? DatabaseProblem(NpgsqlConnectionStringBuilder postgres, string example) =>
        string.IsNullOrWhiteSpace(postgres.Database)
            && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("PGDATABASE"))
            ? "names no database (Database is empty), so PostgreSQL's driver would use the one named after the "
                + $"user: add Database=… naming the server's own database, such as {example}."
            : null;

    // A port written into Host ('db:5433', '[::1]:5433', several hosts): Npgsql reads it only when it connects, and
    // 'h:abc' crashed the start with a FormatException, ':99999' with an ArgumentOutOfRangeException (the re-probe).
    private static string? HostPortProblem(string? hosts)
    {
        foreach (var host in (hosts ?? "").Split(',', StringSplitOptions.TrimEntries))
        {
            var colon = host.StartsWith('[') ? host.IndexOf("]:", StringComparison.Ordinal) + 1 : host.IndexOf(':');
            if (colon <= 0 || (!host.StartsWith('[') && host.IndexOf(':', colon + 1) >= 0))
            {
                continue;   // no port, or an IPv6 address without brackets (no port can follow it)
            }

            var port = host[(colon + 1)..];
            if (!int.TryParse(port, System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
            {
                return $"has Host='{Infrastructure.Quoted.Start(host)}', whose port "
                    + $"'{Infrastructure.Quoted.Start(port)}' is not a TCP port: give a whole number from 1 to 65535 "
                    + "after the colon, or the port in Port=.";
            }
        }

        return null;
    }

    // What Npgsql checks only when it builds its data source (at the first connection): settings that contradict
    // each other, e.g. Maximum Pool Size under Minimum Pool Size. Built here, without connecting.
    private static string? BuildProblem(NpgsqlConnectionStringBuilder postgres)
    {
        try
        {
            using var source = new NpgsqlDataSourceBuilder(postgres.ConnectionString).Build();
            return null;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            var said = e.Message.Split('\n')[0];
            var parameter = said.IndexOf(" (Parameter '", StringComparison.Ordinal);
            return $"cannot be used by PostgreSQL's driver: {(parameter < 0 ? said : said[..parameter]).TrimEnd('.')}. "
                + "Correct the values it names.";
        }
    }

    // What a keyword of the provider's builder takes, when it is a list or true/false ("SSL Mode" is SslMode): its
    // property's name and the choices; else null.
    private static (string Name, string Choices)? ChoicesOf(DbConnectionStringBuilder builder, string keyword) =>
        PropertyOf(builder, keyword) switch
        {
            var (name, type) when type.IsEnum => (name, "one of " + string.Join(", ", Enum.GetNames(type))),
            var (name, type) when type == typeof(bool) => (name, "true or false"),
            _ => null,
        };

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
