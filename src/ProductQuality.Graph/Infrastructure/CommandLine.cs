using Microsoft.Extensions.Options;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Infrastructure;

/// <summary>
/// The server's CLI verbs. No verb (or <c>serve</c>) runs the server; the others run and exit:
/// <c>seed</c> regenerates the data set, <c>recompute</c> re-evaluates it, <c>schema export</c> rewrites
/// schema/*.graphql.
/// </summary>
public static class CommandLine
{
    private const string Usage = """
        Usage: dotnet run --project src/ProductQuality.Graph -- [verb] [options]
          (no verb) | serve [--urls URL]     run the GraphQL server (default http://localhost:5080/graphql)
          seed [--enterprises N] [--seed S]  recreate the database with a generated data set (N up to 1,000,000)
          recompute                          re-evaluate every product, enterprise and region as of today (after a
                                             rules change; nightly)
          report                             print the distributions a bureau looks at first (tiers, classes,
                                             colours, overdue plan)
          token --department ID [--subject NAME] [--expires 8h]
                                             print a development JWT for a department of the policy (NAME:
                                             who it is for, up to 200 characters; default dev-ID)
          token --enterprise CODE [--expires 30d]
                                             print an enterprise's data-tracker token (its own tracker and status
                                             only; production too, with Access:EnterpriseTokens:SigningKey)
          token --revoke CODE                take back every enterprise token issued to CODE so far
          schema export [--out DIR]          print every contract's schema to schema/ (or DIR)
          receipt verify FILE                check a kept blacklistCheck receipt (JSON: receipt, creditCodes,
                                             results) with this configuration's receipt keys; exit 0 valid, 1 not,
                                             2 FILE unreadable
          audit verify [--checkpoint FILE] [--archive DIR]
                                             walk the access log's hash chain, archive files then table, name the
                                             first broken link (exit 0 intact, 1 broken); with a checkpoint, prove
                                             the log or its archive still holds it (exit 2: FILE is no checkpoint)
          audit checkpoint [--out FILE] [--archive DIR]
                                             verify, then print a checkpoint of the chain's head signed with the
                                             receipt key (keep it outside; check it later with audit verify)
          audit archive [--archive DIR]      archive the entries AccessLog:Retention:Days lets expire to JSON-lines
                                             files and remove them (what the server does daily); progress on stderr
                                             (--archive: the folder, else AccessLog:Retention:Folder)
          help | --help | -h                 this text
        Settings come from appsettings.json, appsettings.{ASPNETCORE_ENVIRONMENT}.json, environment variables (e.g.
        Database__ConnectionString) and --Key=value, for the server and every verb alike
        (recompute --Database:Provider=Postgres --Database:ConnectionString=...).
        """;

    public static async Task<int?> TryRunVerbAsync(string[] args)
    {
        // Asked anywhere (dotnet ProductQuality.Graph.dll --help, seed -h, recompute help): the usage, not a server
        // that starts or a verb that runs. Checked before anything else: the server's own arguments start with '-'
        // too. 'help' counts as a word of the command, not as an option's value (token --subject help): after a verb
        // it was refused as an argument ('recompute help') or as a sub-verb ('audit help').
        if (args.Any(a => a is "--help" or "-h" or "-?") || Words(args).Any(i => args[i] == "help"))
        {
            Console.WriteLine(Usage);
            return 0;
        }

        if (args.Length == 0)
        {
            return null;
        }

        // Settings first and the verb after them ('--Clock:Today=… token --department x') asked the server, which
        // refused the verb's options as its own (the re-probe): the whole command, reordered, is what to send.
        if (args[0].StartsWith('-') && VerbAfterSettings(args) is { } at)
        {
            await Console.Error.WriteLineAsync($"'{args[at]}' is a verb: give it first, then its options and "
                + $"settings: {string.Join(' ', args[at..].Concat(args[..at]))}\n{Usage}");
            return 2;
        }

        // No verb is serve: its options are checked the same (serve --url … listened on the default address).
        var (verb, rest) = args[0].StartsWith('-') ? ("serve", args) : (args[0], args[1..]);
        // A setting before the sub-verb ('audit --Database:ConnectionString=… verify') was taken for the sub-verb and
        // refused as none: the sub-verb is the first word that is no setting's value, wherever it stands.
        if (SubVerbFirstWords.Contains(verb) && Words(rest).FirstOrDefault(-1) is > 0 and var sub)
        {
            rest = [rest[sub], .. rest[..sub], .. rest[(sub + 1)..]];
        }

        if (OptionProblem(verb, rest) is { } problem)
        {
            await Console.Error.WriteLineAsync($"{problem}\n{Usage}");
            return 2;
        }

        if (args[0].StartsWith('-'))
        {
            return null;
        }

        rest = CallerFolder.ResolvePathOptions(rest);
        switch (args[0])
        {
            case "serve":
                return null;
            case "token":
                return await Access.Tokens.TokenVerb.RunAsync(rest);
            case "seed":
                return await SeedVerb.RunAsync(rest);
            case "recompute":
                return await Assessment.RecomputeVerb.RunAsync(rest);
            case "report":
                return await Statistics.ReportVerb.RunAsync(rest);
            case "receipt":
                return await Receipts.ReceiptVerb.RunAsync(rest);
            case "audit":
                return await Audit.AuditVerb.RunAsync(rest);
            case "schema" when rest.Length > 0 && rest[0] == "export":
                return ExportSchemas(rest[1..]);
            case "schema":
                // "schema import" was told only what schema needs: say that what came is not a schema verb. A setting
                // is no sub-verb that was not understood: the sub-verb is missing.
                var given = rest.Length > 0 && !rest[0].StartsWith('-')
                    ? $"'schema {Quoted.Start(rest[0])}' is not a schema verb: " : "";
                await Console.Error.WriteLineAsync(
                    $"{given}'schema' needs what to do: schema export [--out DIR].\n{Usage}");
                return 2;
            default:
                await Console.Error.WriteLineAsync($"Unknown verb '{args[0]}'.\n{Usage}");
                return 2;
        }
    }

    /// <summary>
    /// Builds a host with the server's own builder and composition — the same environment (ASPNETCORE_ENVIRONMENT as
    /// well as DOTNET_ENVIRONMENT), the same configuration sources (appsettings.json, appsettings.{environment}.json,
    /// ASPNETCORE_ and plain environment variables, the verb's own --Key=value / --Key value arguments) and the same
    /// settings checks — for verbs that need its services. A verb built its own host once and read neither
    /// appsettings.Development.json nor ASPNETCORE_ENVIRONMENT: its token was signed with another key than the
    /// server's. The verb's options (--department, --enterprises, …) become harmless settings of their own names.
    /// The host is never started, so no hosted service (the daily re-evaluation) runs.
    /// </summary>
    /// <param name="args">The verb's arguments.</param>
    /// <param name="databaseMustExist">For verbs that read or write the database: a SQLite file that is not there is a
    /// mistyped setting, refused before SQLite creates it empty; and the database's migrations are checked as the
    /// server checks them (<see cref="MigrationState"/>): a verb ran, and recompute committed, on a database of
    /// another build or missing a migration.</param>
    public static IHost BuildHost(string[] args, bool databaseMustExist = false)
    {
        var builder = WebApplication.CreateBuilder(args);
        Listening.ListenSettings.Check(builder.Configuration);

        // Verbs print their result on standard output (a token, file names): logs go to standard error.
        builder.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        // EF logs a connection it cannot open with the provider's stack trace; the verb says it in a sentence
        // (StartupFailure), which is what an operator reads.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning)
            .AddFilter("Microsoft.EntityFrameworkCore.Database.Connection", LogLevel.None)
            .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None)
            .AddFilter("Microsoft.EntityFrameworkCore.Query", LogLevel.None);

        // Everything the server registers, so a verb refuses every setting the server refuses (a verb that checked
        // only its own sections ran with a Maintenance or Telemetry setting the server stops on).
        builder.AddProductQualityServer();
        var host = builder.Build();

        // A verb never starts the host, so ValidateOnStart alone would never check its settings; and the schemas are
        // built as at the server's start, which checks the settings that name fields (GraphQL:Limits:ListSizes).
        host.ValidateSettings();
        _ = host.Services.GetRequiredService<Schema.SchemaRegistry>();
        if (databaseMustExist)
        {
            var database = host.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            MissingSqliteFileException.ThrowIfMissing(database);
            using var scope = host.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ProductQualityDbContext>();
            // Synchronous like the host's build: a verb has no synchronisation context to block. The server's encoding
            // check first: an empty database not in UTF8 was told "no tables yet: start the server once", and the
            // server then refused it for its encoding.
            DatabaseEncodingException.ThrowIfNotUtf8Async(db).GetAwaiter().GetResult();
            MigrationState.ThrowIfNotCurrentAsync(db).GetAwaiter().GetResult();
        }

        return host;
    }

    /// <summary>Reads <c>--name value</c> from the verb's arguments (checked before: a value follows it).</summary>
    public static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    // Each verb's own options, all taking a value, and how many plain arguments it takes (receipt verify FILE).
    // Anything else given as --name is a typo: a setting has a section (--Database:Provider=Postgres) or a value after
    // '='. A typo went unnoticed, and 'seed --enterprise 50' or 'seed --enterprises' with no value recreated the
    // database with 3,000 enterprises; 'recompute extra' or 'audit verify --out x' ran as if the extra was not there.
    private static readonly Dictionary<string, (string[] Options, int Arguments)> VerbOptions =
        new(StringComparer.Ordinal)
    {
        ["serve"] = (["--urls", "--http_ports", "--https_ports"], 0),
        ["token"] = (["--department", "--enterprise", "--subject", "--expires", "--revoke"], 0),
        ["seed"] = (["--enterprises", "--seed"], 0),
        ["recompute"] = ([], 0),
        ["report"] = ([], 0),
        ["receipt verify"] = ([], 1),
        ["audit verify"] = (["--checkpoint", "--archive"], 0),
        ["audit checkpoint"] = (["--out", "--archive"], 0),
        ["audit archive"] = (["--archive"], 0),
        ["schema export"] = (["--out"], 0),
    };

    // The verbs as typed first ("audit" of "audit verify").
    private static readonly HashSet<string> VerbFirstWords =
        [.. VerbOptions.Keys.Select(k => k.Split(' ')[0]).Where(w => w != "serve")];

    // The verbs that take a sub-verb ("audit" of "audit verify").
    private static readonly HashSet<string> SubVerbFirstWords =
        [.. VerbOptions.Keys.Where(k => k.Contains(' ', StringComparison.Ordinal)).Select(k => k.Split(' ')[0])];

    // Where a verb stands after the settings before it (--Key=value, or --Key value), or null: the first word.
    private static int? VerbAfterSettings(string[] args) =>
        Words(args).FirstOrDefault(-1) is >= 0 and var at && VerbFirstWords.Contains(args[at]) ? at : null;

    /// <summary>
    /// Where the words of a command stand (verbs, sub-verbs, help, FILE): the arguments that are neither an option or
    /// setting (--name, --Key=value) nor the value after one (--name value).
    /// </summary>
    internal static IEnumerable<int> Words(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith('-'))
            {
                i += args[i].StartsWith("--", StringComparison.Ordinal)
                    && !args[i].Contains('=', StringComparison.Ordinal) ? 1 : 0;
                continue;
            }

            yield return i;
        }
    }

    // Settings any host reads without a section.
    private static readonly string[] HostSettings = ["--environment", "--contentRoot", "--applicationName"];

    /// <summary>What is wrong with a verb's options and arguments, or null.</summary>
    internal static string? OptionProblem(string verb, string[] args)
    {
        // A verb with subverbs (audit verify, receipt verify): the subverb's options; an unknown subverb is the
        // verb's own usage error.
        if (!VerbOptions.ContainsKey(verb) && args.Length > 0 && VerbOptions.ContainsKey($"{verb} {args[0]}"))
        {
            (verb, args) = ($"{verb} {args[0]}", args[1..]);
        }

        if (!VerbOptions.TryGetValue(verb, out var takes))
        {
            return null;
        }

        if (verb == "token" && args.Contains("--department") && args.Contains("--enterprise"))
        {
            return "Give --department or --enterprise, not both: a token is a department's or one enterprise's.";
        }

        // An enterprise's token has no subject of the officer's kind: --subject was ignored without a word. A
        // revocation issues nothing: it takes the credit code alone.
        var (own, arguments) = verb == "token" && args.Contains("--revoke") ? (["--revoke"], 0)
            : verb == "token" && args.Contains("--enterprise") ? (["--enterprise", "--expires"], 0)
            : takes;
        verb = verb == "token" && args.Contains("--revoke") ? "token --revoke"
            : verb == "token" && args.Contains("--enterprise") ? "token --enterprise" : verb;
        var plain = new List<string>();
        var given = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith('-'))
            {
                if (string.IsNullOrWhiteSpace(arg))
                {
                    return $"'{verb}' was given an empty argument; name the file.";
                }

                plain.Add(arg);
                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg : arg[..equals];
            // .NET's provider threw on '-Clock:Today=…' (a stack trace, exit 134) and dropped '-Clock:Today …'.
            if (!name.StartsWith("--", StringComparison.Ordinal) && name.Contains(':', StringComparison.Ordinal))
            {
                return $"'{Quoted.Start(arg)}' has one dash: settings are given as --Section:Key=value.";
            }

            var isOption = own.Contains(name) || HostSettings.Contains(name);
            // --Section:Key, or a top-level key the host or the server reads, with its value (--AllowedHosts=…,
            // --urls=…; the start checks the server's own). Any other '--name=value' is a misspelt option, which was
            // taken for a setting nobody reads: 'audit verify --checkpont=head.json' reported the chain intact.
            var isSetting = !isOption && (name.Contains(':', StringComparison.Ordinal)
                || (equals >= 0 && name.StartsWith("--", StringComparison.Ordinal)
                    && TopLevelSettings.IsKnown(name[2..])));
            if (!isOption && !isSetting)
            {
                return UnknownOption(verb, own, name, equals < 0 ? null : arg[(equals + 1)..]);
            }

            // The first was read and the second dropped: 'token --department finance --department tax' was finance's.
            if (isOption && !given.Add(name))
            {
                return $"{name} is given twice; give it once.";
            }

            // A verb reads its own options as '--name value': 'seed --enterprises=10' seeded 3,000 enterprises. The
            // server's (--urls) and the host's (--environment) are settings, which .NET reads in either form.
            if (equals >= 0)
            {
                if (isOption && verb != "serve" && !HostSettings.Contains(name))
                {
                    return $"Give {name} and its value apart: {name} {Quoted.Start(arg[(equals + 1)..])}.";
                }

                continue;
            }

            // A setting without a value was dropped without a word ('report --Clock:Today' ran as of the real day),
            // or took the next option for its value ('--Database:ConnectionString --Database:Provider=Sqlite').
            var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            if (!hasValue)
            {
                return isOption ? $"Option {arg} needs a value."
                    : $"Setting {arg} needs a value: give it as {arg}=value.";
            }

            // An empty value named no file: 'audit checkpoint --out ""' failed with a stack trace (exit 134), and
            // 'schema export --out ""' wrote into the working folder.
            if (isOption && string.IsNullOrWhiteSpace(args[i + 1]))
            {
                return $"Option {arg} needs a value; it was given an empty one.";
            }

            // An option's value, or a setting's given as --Section:Key value.
            i++;
        }

        if (plain.Count > arguments)
        {
            return arguments == 0
                ? $"'{verb}' takes no argument '{plain[0]}'; its options start with --."
                : $"'{verb}' takes {arguments} argument(s); '{plain[arguments]}' is one too many.";
        }

        return null;
    }

    // The sentence for an option the verb does not have, naming the one it looks like (--checkpont, --Out, --url).
    private static string UnknownOption(string verb, string[] own, string name, string? value)
    {
        if (own.Length == 0)
        {
            return $"'{verb}' takes no option {name}; settings are given as --Section:Key=value.";
        }

        var options = $"Unknown option {name} for '{verb}' (its options: {string.Join(", ", own)})";
        var meant = own.FirstOrDefault(o => o.Equals(name, StringComparison.OrdinalIgnoreCase))
            ?? own.FirstOrDefault(o => UnknownSettings.LooksLike(name, o));
        // Given as --name=value, the option it meant takes its value after a space: say the whole of it.
        return meant is null ? $"{options}; settings are given as --Section:Key=value."
            : $"{options}: did you mean {meant}{(value is null ? "" : $" {Quoted.Start(value)}")}? Settings are given "
                + "as --Section:Key=value.";
    }

    private static int ExportSchemas(string[] args)
    {
        // Settings first: a wrong one is reported as such (exit code 3) wherever the verb runs.
        using var host = BuildHost(args);
        var folder = Option(args, "--out") ?? SchemaFiles.FindSchemaFolder(Directory.GetCurrentDirectory());
        if (folder is null)
        {
            Console.Error.WriteLine("Could not find the repository's schema/ folder; run from the repository or "
                + "pass --out DIR.");
            return 2;
        }

        // A file there said "Could not find a part of the path '…/contracts'".
        if (File.Exists(folder))
        {
            Console.Error.WriteLine($"--out '{folder}' is a file: name the folder to write the schema files in.");
            return 2;
        }

        var registry = host.Services.GetRequiredService<SchemaRegistry>();
        foreach (var contract in registry.Contracts.Order(StringComparer.Ordinal))
        {
            var path = Path.Combine(folder, SchemaFiles.RelativePath(contract));
            VerbOutput.WriteAsync(path, SchemaFiles.Print(registry.For(registry.Contract(contract))))
                .GetAwaiter().GetResult();
            Console.WriteLine($"wrote {Path.GetRelativePath(CallerFolder.Folder, path)}");
        }

        return 0;
    }
}
