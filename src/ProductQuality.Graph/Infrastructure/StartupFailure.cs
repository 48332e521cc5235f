using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ProductQuality.Graph.Infrastructure;

/// <summary>
/// Settings that fail to bind or validate stop the server or a verb with one sentence per setting — its path and what
/// is allowed — and where settings come from: an operator's mistake, so no stack trace. Exit code 3, distinct from a
/// verb's usage error (2).
/// </summary>
public static partial class StartupFailure
{
    public const int ExitCode = 3;

    public static async Task<int> GuardAsync(Func<Task<int>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        try
        {
            return await run();
        }
        catch (Exception e) when (Sentences(e) is { Count: > 0 } sentences)
        {
            // Once each: options that read Auth (receipts, enterprise tokens) fail with its failure too, so one bad
            // Auth setting came out three times.
            foreach (var sentence in sentences.Distinct(StringComparer.Ordinal))
            {
                await Console.Error.WriteLineAsync(sentence);
            }

            await Console.Error.WriteLineAsync(
                $"Settings are read from appsettings.json in the current folder ({Directory.GetCurrentDirectory()}), " +
                "then environment variables (e.g. Database__ConnectionString) and --Key=value arguments. Run from " +
                "the folder that holds appsettings.json (dotnet run --project src/ProductQuality.Graph does), or " +
                "set the values; every setting is described in appsettings.example.json.");
            return ExitCode;
        }
        catch (Data.DatabaseStateException state)
        {
            await Console.Error.WriteLineAsync(state.Message);
            return ExitCode;
        }
        catch (VerbOutput.VerbOutputException output)
        {
            await Console.Error.WriteLineAsync(output.Message);
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A folder that does not exist or is not writable (a verb's --out, --archive).
            await Console.Error.WriteLineAsync($"{e.Message} Check the path or address and its permissions.");
            return 1;
        }
    }

    /// <summary>The sentences of a configuration failure (several at once); null for any other error.</summary>
    internal static List<string>? Sentences(Exception e) => RawSentences(e)?.Select(Readable).ToList();

    /// <summary>
    /// A sentence quotes the setting's value, and a value can be anything: a 100,000-character one came out whole.
    /// A long quote keeps its start and length; a sentence still too long keeps its start and end.
    /// </summary>
    private static string Readable(string sentence)
    {
        var shortened = LongQuote().Replace(sentence, m => string.Create(CultureInfo.InvariantCulture,
            $"'{Quoted.Start(m.Groups["value"].Value, 80)}' ({m.Groups["value"].Value.Length:N0} characters)"));
        return shortened.Length <= Schema.DomainErrorInfoProvider.MaxMessageLength
            ? shortened
            : Schema.DomainErrorInfoProvider.Cut(shortened);
    }

    // A quote opens after a space or bracket and closes before one or punctuation: the text between two quoted values
    // ("'db' stores … ENCODING 'UTF8'") is not a value.
    [GeneratedRegex(@"(?<=^|[\s(])'(?<value>[^']{120,})'(?=$|[\s.,;:)])")]
    private static partial Regex LongQuote();

    private static List<string>? RawSentences(Exception e) => e switch
    {
        OptionsValidationException one => [.. Describe(one)],
        Data.UnknownMigrationsException stale => [stale.Message],
        Data.MissingSqliteFileException missing => [missing.Message],
        Data.DatabaseEncodingException encoding => [encoding.Message],
        SettingsFileException file => [file.Message],
        AggregateException many when many.InnerExceptions.All(i => i is OptionsValidationException) =>
            [.. many.InnerExceptions.Cast<OptionsValidationException>().SelectMany(Describe)],
        // The binder's own words name the setting and the type it wanted: "Failed to convert configuration value at
        // 'GraphQL:Limits:MaxAliases' to type 'System.Int32'." (a word, or a number too large for it).
        InvalidOperationException { Message: var m } when m.StartsWith("Failed to convert configuration value",
            StringComparison.Ordinal) => [$"{m} {e.InnerException?.Message}".TrimEnd()],
        // An appsettings file that is not JSON: the message names the file, the inner ones what is wrong and the
        // line (two levels down: "Could not parse the JSON file.", then the JsonException with LineNumber).
        // The JsonException's position counts lines from 0 ("LineNumber: 4" for the fifth): said from 1, as editors do.
        InvalidDataException { Message: var m }
            when m.StartsWith("Failed to load configuration", StringComparison.Ordinal) =>
                [string.Join(' ', Causes(e).Select(c => c is System.Text.Json.JsonException json
                    ? Http.JsonIntake.Said(json) + "."
                    : c.Message))],
        // Before the database's: the socket error inside is not the database's (it was once read as "PostgreSQL:
        // Address already in use" on a SQLite server).
        Listening.ListenFailureException listen => [listen.Message],
        _ when DatabaseProblem(e) is { } problem => [problem],
        _ => null,
    };

    /// <summary>
    /// The database named by the settings cannot be opened or is not this server's: a connection string that does
    /// not parse, a server that refuses or does not know the database or user, a file that cannot be created, or one
    /// with no tables yet. Said in a sentence; the details stay the provider's.
    /// </summary>
    private static string? DatabaseProblem(Exception e)
    {
        var (cause, provider) = Causes(e).Select(c => (c, c switch
        {
            Microsoft.Data.Sqlite.SqliteException => "SQLite",
            Npgsql.NpgsqlException or System.Net.Sockets.SocketException => "PostgreSQL",
            ArgumentException { Source: "Npgsql" or "Microsoft.Data.Sqlite" or "System.Data.Common" } =>
                "the connection string",
            // A value the driver's parser took and its connect could not use, refused by the runtime below it (a
            // port past 65535 by IPEndPoint): still the connection string's, not a crash with a stack trace.
            ArgumentException or FormatException when ThrownByDriver(c) => "the connection string",
            _ => null,
        })).FirstOrDefault(c => c.Item2 is not null);
        if (provider is null)
        {
            return null;
        }

        // PostgreSQL's message may carry blank lines and a POSITION: one line of it is the sentence's; its text
        // without the SQLSTATE in front ("3D000: database … does not exist").
        var said = cause is Npgsql.PostgresException { MessageText: { Length: > 0 } text } ? text : cause.Message;
        var detail = string.Join(' ', said.Split((char[])['\r', '\n'],
            StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        // SQLite says "no such table"; PostgreSQL's undefined_table (42P01) said "relation … does not exist", which
        // read as a connection problem on a database that was merely empty.
        var noTables = detail.Contains("no such table", StringComparison.Ordinal)
            || cause is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UndefinedTable };
        return noTables
            ? $"The database has no tables yet ({detail}): start the server once, which creates them, or run the "
                + "seed verb. Check Database:ConnectionString if you meant another database."
            // SQLITE_READONLY: opened, but this work writes ('could not be opened … reachable' sent the reader to
            // check a server that was fine).
            : cause is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 8 }
            ? $"The database is read-only to this work, which writes to it ({provider}: {detail}). Make the file and "
                + "its folder writable by this user, or take Mode=ReadOnly out of Database:ConnectionString."
            // SQLITE_BUSY / SQLITE_LOCKED: another process holds the file's lock past the busy timeout (a seed, a
            // backup, a sqlite3 shell in a transaction); "… the database server is running" sent the reader to look
            // for a server that SQLite does not have (the newcomer probe).
            : cause is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 }
            ? $"The database file is locked by another process ({provider}: {detail}), and stayed locked while this "
                + "work waited: let that process finish (a seed, a backup, a sqlite3 shell with a transaction open) "
                + "or stop it, then run again."
            // "for schema public": the first start could not create the tables; "for table X": the user may not
            // write them, which schema rights would not mend (the operations probe's read-only role).
            : cause is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.InsufficientPrivilege }
            ? $"The database refused this server's user a right it needs ({provider}: {detail}). "
                + (detail.Contains("for schema", StringComparison.Ordinal)
                    ? "Grant it (e.g. CREATE and USAGE on the schema, as PostgreSQL 15 no longer gives every user "
                        + "CREATE on public), or let the first start, which creates the tables, run as their owner."
                    : "Grant it SELECT, INSERT, UPDATE and DELETE on the server's tables (e.g. GRANT SELECT, INSERT, "
                        + "UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO the user, and USAGE ON ALL SEQUENCES), or "
                        + "run as the tables' owner.")
            // A statement that waited past its command timeout on a database that opened: "could not be opened …
            // reachable" sent the operator to the connection string while psql held a lock (the PostgreSQL probe).
            : cause is Npgsql.NpgsqlException { InnerException: TimeoutException } timedOut
                && timedOut.Message.Contains("reading from stream", StringComparison.Ordinal)
            ? $"The database did not answer a statement in time ({provider}: {detail}), though it accepted the "
                + "connection: another session may hold a lock on the tables this work reads or writes (a psql "
                + "session with a transaction open, a backup, a migration), or the server is overloaded. Look for it "
                + "in pg_stat_activity (wait_event_type 'Lock'), let it finish or stop it, then run again."
            : Refused(cause)
            ? $"The database was opened but refused a statement while it was being brought up to date ({provider}: "
                + $"{detail}): its tables are not as this server's migrations left them. Check that "
                + "Database:ConnectionString names this server's database, and that no other program changed it."
            : $"The database could not be opened ({provider}: {detail}). Check Database:Provider and "
                + "Database:ConnectionString, and that the database server is running and reachable.";
    }

    /// <summary>
    /// PostgreSQL answered, and refused a statement (a table already there, a duplicate key): not a connection
    /// problem, which "could not be opened" had it read as. Logins (28…) and a database it does not know (3D000) are.
    /// </summary>
    private static bool Refused(Exception cause) => cause is Npgsql.PostgresException p
        && Data.DatabaseOutage.Reason(p) is null
        && !p.SqlState.StartsWith("28", StringComparison.Ordinal)
        && p.SqlState != Npgsql.PostgresErrorCodes.InvalidCatalogName;

    private static bool ThrownByDriver(Exception e) =>
        new System.Diagnostics.StackTrace(e, false).GetFrames().Any(f => f.GetMethod()?.DeclaringType?.Namespace is
            { } name && (name.StartsWith("Npgsql", StringComparison.Ordinal)
                || name.StartsWith("Microsoft.Data.Sqlite", StringComparison.Ordinal)));

    private static IEnumerable<Exception> Causes(Exception e)
    {
        for (Exception? c = e; c is not null; c = c.InnerException)
        {
            yield return c;
        }
    }

    private static IEnumerable<string> Describe(OptionsValidationException e)
    {
        var section = string.IsNullOrEmpty(e.OptionsName) ? SectionOf(e.OptionsType) : e.OptionsName;
        foreach (var failure in e.Failures)
        {
            // Data annotations name the options class and member; say the setting's path instead.
            var annotation = AnnotationFailure().Match(failure);
            if (annotation.Success)
            {
                var (member, error) = (annotation.Groups["member"].Value, annotation.Groups["error"].Value);
                yield return $"Setting {section}:{member} is not allowed: {error}";
            }
            else
            {
                yield return failure.StartsWith("Setting ", StringComparison.Ordinal)
                    ? failure
                    : $"Configuration error in '{section}': {failure}";
            }
        }
    }

    // Every options class names its section in a constant (Section, or SectionName for the rules).
    private static string SectionOf(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .FirstOrDefault(f => f.IsLiteral && f.Name is "Section" or "SectionName")?.GetRawConstantValue() as string
        ?? "settings";

    [GeneratedRegex("members: '(?<member>[^']+)' with the error: '(?<error>.*)'\\.?$")]
    private static partial Regex AnnotationFailure();
}
