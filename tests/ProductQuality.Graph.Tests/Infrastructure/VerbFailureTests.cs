namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>
/// A verb given a mistake says so in a sentence and exits with its code — 2 for its own options, 3 for settings and
/// the database they name — never a stack trace, and never goes on with a default: 'seed --enterprises' with no value
/// recreated the database with 3,000 enterprises. Each case runs the verb as a process.
/// </summary>
public sealed class VerbFailureTests
{
    public static TheoryData<string[], int, string> Mistakes => new()
    {
        { ["seed", "--enterprises"], 2, "Option --enterprises needs a value" },
        { ["seed", "--enterprise", "5"], 2, "Unknown option --enterprise for 'seed'" },
        { ["seed", "--seed", "99999999999999999999"], 2,
            "--seed must be a whole number from -2,147,483,648 to 2,147,483,647; '99999999999999999999' is not." },
        { ["seed", "--seed", "abc"], 2, "--seed must be a whole number from -2,147,483,648 to 2,147,483,647" },
        { ["token", "--department", "tax", "--expire", "1h"], 2, "Unknown option --expire" },
        { ["token", "--department", "tax", "--enterprise", "913304831LXE3BD9A5"], 2, "not both" },
        // Given twice, the first was read and the second dropped without a word; --subject with --enterprise too.
        { ["token", "--department", "finance", "--department", "tax"], 2, "--department is given twice; give it once" },
        { ["seed", "--enterprises", "5", "--enterprises", "10"], 2, "--enterprises is given twice; give it once" },
        { ["audit", "verify", "--checkpoint", "a.json", "--checkpoint", "/nonexistent"], 2,
            "--checkpoint is given twice" },
        { ["token", "--enterprise", "913304831LXE3BD9A5", "--subject", "x"], 2,
            "Unknown option --subject for 'token --enterprise' (its options: --enterprise, --expires)" },
        { ["token", "--department", "tax", "--expires", "99999999d"], 2, "--expires takes a duration" },
        { ["token", "--department", "tax", "--expires", "31d"], 2, "(at most 30d)" },
        { ["token", "--enterprise", "913304831LXE3BD9A5", "--expires", "2000000000h"], 2, "--expires takes" },
        { ["audit", "verify", "--checkpoint"], 2, "Option --checkpoint needs a value" },
        // An empty file name: a stack trace (exit 134) for checkpoint, the working folder for schema export.
        { ["audit", "checkpoint", "--out", ""], 2, "Option --out needs a value; it was given an empty one." },
        { ["schema", "export", "--out", " "], 2, "Option --out needs a value; it was given an empty one." },
        { ["audit", "verify", "--archive", ""], 2, "Option --archive needs a value; it was given an empty one." },
        { ["receipt", "verify", ""], 2, "'receipt verify' was given an empty argument; name the file." },
        // A setting without its value was dropped ('report --Clock:Today' reported as of the real day) or took the
        // next option as its value (the writes probe).
        { ["report", "--Clock:Today"], 2, "Setting --Clock:Today needs a value: give it as --Clock:Today=value." },
        { ["audit", "verify", "--Database:ConnectionString", "--Database:Provider=Sqlite"], 2,
            "Setting --Database:ConnectionString needs a value" },
        { ["--Clock:Today"], 2, "Setting --Clock:Today needs a value" },
        // One dash: .NET's provider threw (a stack trace, exit 134) or dropped the setting; a verb's option with '='
        // was not read ('seed --enterprises=10' seeded 3,000: the re-probe).
        { ["report", "-Clock:Today=2026-12-01"], 2, "'-Clock:Today=2026-12-01' has one dash: settings are given as" },
        { ["report", "-Clock:Today", "2026-12-01"], 2, "'-Clock:Today' has one dash" },
        { ["-Clock:Today=2026-12-01"], 2, "has one dash" },
        { ["seed", "--enterprises=10"], 2, "Give --enterprises and its value apart: --enterprises 10." },
        // A misspelt option with '=' was taken for a setting nobody reads, and the verb went on without it: the chain
        // was reported intact without the checkpoint, the checkpoint went to standard output, the token lasted 8 h.
        { ["audit", "verify", "--checkpont=/tmp/x.json"], 2, "Unknown option --checkpont for 'audit verify' (its "
            + "options: --checkpoint, --archive): did you mean --checkpoint /tmp/x.json? Settings are given as" },
        { ["audit", "checkpoint", "--ot=/tmp/x.json"], 2, "Unknown option --ot for 'audit checkpoint'" },
        { ["audit", "checkpoint", "--Out=x.json"], 2, "did you mean --out x.json?" },
        { ["token", "--department", "finance", "--expire=1h"], 2, "Unknown option --expire for 'token'" },
        { ["recompute", "--enterprises=10"], 2, "'recompute' takes no option --enterprises; settings are given as" },
        { ["--url=http://127.0.0.1:0"], 2, "Unknown option --url for 'serve'" },
        // The other side: a top-level key the server reads is a setting, checked as such.
        { ["report", "--GraphQL=x"], 3, "Setting GraphQL is 'x', a single value where settings go" },
        { ["recompute", "--AllowedHosts=http://x/"], 3, "Setting AllowedHosts has 'http://x/', which is no host" },
        { ["token", "--department=finance"], 2, "Give --department and its value apart" },
        // Read before the database: a file that is no checkpoint is the caller's mistake, not a broken chain.
        { ["audit", "verify", "--checkpoint", "head.json"], 2, "The checkpoint file 'head.json' does not exist" },
        { ["audit", "verify", "--checkpoint", "/dev/zero"], 2, "The checkpoint file '/dev/zero' is not a checkpoint" },
        // A folder was said not to exist (the files probe).
        { ["audit", "verify", "--checkpoint", "/tmp"], 2, "The checkpoint file '/tmp' is a folder: name the file" },
        { ["recompute", "--foo", "bar"], 2, "'recompute' takes no option --foo" },
        { ["serve", "--url", "http://127.0.0.1:0"], 2, "Unknown option --url for 'serve' (its options: --urls" },
        { ["--url", "http://127.0.0.1:0"], 2, "Unknown option --url for 'serve'" },
        { ["recompute", "extra"], 2, "'recompute' takes no argument 'extra'" },
        // Settings before the verb asked the server, which refused the verb as its argument (the fuzz probe).
        { ["--Database:Provider=Postgres", "audit", "verify"], 2,
            "'audit' is a verb: give it first, then its options and settings: audit verify "
            + "--Database:Provider=Postgres" },
        { ["--Clock:Today", "2026-12-01", "report"], 2,
            "'report' is a verb: give it first, then its options and settings: report --Clock:Today 2026-12-01" },
        // A verb with options of its own was refused as the server's options (the re-probe).
        { ["--Clock:Today=2026-12-01", "token", "--department", "finance"], 2,
            "settings: token --department finance --Clock:Today=2026-12-01" },
        { ["--Clock:Today=2026-12-01", "receipt", "verify", "r.json"], 2,
            "settings: receipt verify r.json --Clock:Today=2026-12-01" },
        { ["report", "-v"], 2, "'report' takes no option -v" },
        { ["audit", "verify", "extra"], 2, "'audit verify' takes no argument 'extra'" },
        // A word the verb does not know is named, not answered with the usage alone (writes probe).
        { ["audit", "frobnicate"], 2, "'audit frobnicate' is not an audit verb: use audit verify" },
        // Bare, it printed the usage alone; with a setting in the sub-verb's place, it named the setting as no verb.
        { ["audit"], 2, "'audit' needs a sub-verb: audit verify, audit checkpoint or audit archive." },
        { ["audit", "--Database:ConnectionString=Data Source=x.db"], 2, "'audit' needs a sub-verb" },
        // Settings before the sub-verb are read as anywhere else (the setting named no audit verb).
        { ["audit", "--Database:ConnectionString=Data Source=data/mistyped.db", "verify"], 3,
            "mistyped.db' does not exist" },
        { ["schema", "--Database:Provider", "Bogus", "export"], 3, "Setting Database:Provider is 'Bogus'" },
        { ["receipt", "--Clock:Today=2026-12-01", "verify", "/nonexistent"], 2, "/nonexistent does not exist" },
        // The FILE after a setting: the setting was read as the file's name.
        { ["receipt", "verify", "--Clock:Today=2026-12-01", "/nonexistent"], 2,
            "/nonexistent does not exist: name the receipt file" },
        { ["schema", "import"], 2, "'schema import' is not a schema verb: 'schema' needs what to do: schema export" },
        { ["audit", "verify", "--out", "x"], 2, "Unknown option --out for 'audit verify'" },
        { ["audit", "archive", "--checkpoint", "x"], 2, "Unknown option --checkpoint for 'audit archive'" },
        { ["audit", "checkpoint", "--archive", "/no/such/folder"], 2, "'/no/such/folder' does not exist" },
        { ["receipt", "verify", "a.json", "b.json"], 2, "'b.json' is one too many" },
        { ["receipt"], 2, "'receipt' needs a sub-verb and a file: receipt verify FILE." },
        { ["receipt", "--Clock:Today=2026-12-01"], 2, "'receipt' needs a sub-verb and a file" },
        { ["receipt", "check", "r.json"], 2, "'receipt check' is not a receipt verb: use receipt verify FILE." },
        { ["receipt", "verify"], 2, "'receipt verify' needs the receipt file to check" },
        // Read to the end, /dev/zero ran the verb out of memory.
        { ["receipt", "verify", "/dev/zero"], 2, "holds more than 67,108,864 bytes, more than any receipt" },
        // Each said something else: "Access to the path is denied", "The file already exists", "it must be JSON".
        { ["audit", "checkpoint", "--out", "/tmp"], 2, "--out '/tmp' is a folder: name the file to write" },
        // .NET's "Could not find a part of the path" (the writes probe).
        { ["audit", "checkpoint", "--out", "/no/such/folder/head.json"], 2,
            "--out '/no/such/folder/head.json' is in a folder that does not exist ('/no/such/folder')" },
        { ["schema", "export", "--out", "/etc/hostname"], 2, "--out '/etc/hostname' is a file: name the folder" },
        { ["audit", "archive", "--archive", "/etc/passwd"], 2, "--archive '/etc/passwd' is a file, not a folder" },
        { ["audit", "verify", "--archive", "/etc/passwd"], 2, "--archive '/etc/passwd' is a file, not a folder" },
        { ["receipt", "verify", "/nonexistent"], 2, "/nonexistent does not exist: name the receipt file" },
        { ["receipt", "verify", "/tmp"], 2, "/tmp is a folder: name the receipt file" },
        { ["token", "--department", "tax", "--Map:BoundariesFile=/tmp"], 3,
            "is '/tmp', which is a folder, not a file" },
        { ["report", "--GraphQL:Limits:ListSizes:Query.products=-1"], 3,
            "Setting GraphQL:Limits:ListSizes:Query.products is -1: it must be 0 or more." },
        { ["schema"], 2, "'schema' needs what to do: schema export" },
        { ["schema", "print"], 2, "schema export [--out DIR]" },
        { ["audit", "verify", "--archive", "/no/such/folder"], 2, "'/no/such/folder' does not exist" },
        { ["report", "--Database:ConnectionString=garbage"], 3, "is not a SQLite connection string" },
        {
            ["report", "--Database:ConnectionString=Data Source=x.db;Mode=Bogus"], 3,
            "has Mode='Bogus', which SQLite does not take"
        },
        {
            ["seed", "--Database:ConnectionString=Data Source=x.db;Pooling=maybe"], 3,
            "has Pooling='maybe', which SQLite does not take: give true or false"
        },
        { ["report", "--Database:ConnectionString=Data Source=/proc/nope/x.db"], 3, "does not exist" },
        // A folder "did not exist" (the writes probe).
        { ["report", "--Database:ConnectionString=Data Source=/tmp"], 3, "The database file '/tmp' is a folder" },
        { ["recompute", "--Database:ConnectionString=Data Source=data/mistyped.db"], 3, "mistyped.db' does not exist" },
        // Revoking created the mistyped file empty and then failed on it (the newcomer probe).
        { ["token", "--revoke", "913304831LXE3BD9A5", "--Database:ConnectionString=Data Source=data/mistyped.db"], 3,
            "mistyped.db' does not exist" },
        // A mistyped department read as if none had been given.
        { ["token", "--department", "nosuch"], 2, "There is no department 'nosuch'. Pass --department with one of:" },
        { ["audit", "verify", "--Database:ConnectionString=Data Source=data/mistyped.db"], 3, "does not exist" },
        { ["report", "--Database:Provider=Postgres", "--Database:ConnectionString=Data Source=x.db"], 3,
            "has the keyword 'data source', which PostgreSQL does not know (it is a SQLite keyword" },
        // Taken by Npgsql's parser, they crashed the verb at its first connect (exit 134, the fuzz probe).
        { ["audit", "verify", "--Database:Provider=Postgres",
            "--Database:ConnectionString=Host=127.0.0.1;Port=99999;Username=pq;Database=pq"], 3,
            "has Port='99999', which is not a TCP port" },
        { ["report", "--Database:Provider=Postgres", "--Database:ConnectionString=Host=;Username=pq;Database=pq"], 3,
            "names no server (Host is empty)" },
        // Without Database= the verb (and the server) used the database named after the user (the PostgreSQL probe).
        { ["recompute", "--Database:Provider=Postgres", "--Database:ConnectionString=Host=127.0.0.1;Username=pq"], 3,
            "Setting Database:ConnectionString names no database (Database is empty)" },
        { ["--urls", "http://127.0.0.1:0", "--Database:Provider=Postgres",
            "--Database:ConnectionString=Host=127.0.0.1;Username=pq"], 3, "names no database (Database is empty)" },
        { ["report", "--GraphQL:Limits:MaxAliases=abc"], 3, "Setting GraphQL:Limits:MaxAliases is 'abc'" },
        { ["report", "--GraphQL:Limits:FieldCosts:Query.statistcs=5"], 3,
            "Setting GraphQL:Limits:FieldCosts:Query.statistcs names no field of any contract" },
        { ["report", "--GraphQL:Limits:AsOfCostFactors:Query.enterpriseStatuses=0"], 3, "must be 1 or more" },
        { ["report", "--GraphQL:Limits:MaxFields=99999999999"], 3, "Setting GraphQL:Limits:MaxFields is '9999" },
        // Every setting the server checks, a verb checks too: it runs with the server's composition.
        { ["recompute", "--Maintenance:BatchSize=abc"], 3, "Setting Maintenance:BatchSize is 'abc'" },
        { ["recompute", "--Maintenance:BatchSize=0"], 3, "Setting Maintenance:BatchSize" },
        { ["recompute", "--Telemetry:Tracing:SampleRatio=7"], 3, "Setting Telemetry:Tracing:SampleRatio is 7" },
        { ["audit", "verify", "--Logging:Format=Xml"], 3, "Setting Logging:Format is 'Xml'" },
        { ["token", "--department", "tax", "--Health:CheckTimeoutSeconds=0"], 3, "Health:CheckTimeoutSeconds" },
        { ["token", "--department", "tax", "--Auth:SigningKey=c2hvcnQ="], 3, "Setting Auth:SigningKey" },
        { ["report", "--Auth:SigningKey=notbase64!!"], 3, "Setting Auth:SigningKey" },
        { ["token", "--department", "tax", "--Auth:DevelopmentKeyFile=appsettings.json"], 3,
            "Setting Auth:DevelopmentKeyFile" },
        { ["report", "--Receipts:DevelopmentKeyFile=appsettings.json"], 3, "Setting Receipts:DevelopmentKeyFile" },
        // A key file that could not be generated was exit 1, "The file '…' already exists", no setting named.
        { ["token", "--department", "tax", "--Auth:DevelopmentKeyFile=appsettings.json/key"], 3,
            "Setting Auth:DevelopmentKeyFile is 'appsettings.json/key', which is not there and cannot be generated" },
        { ["token", "--enterprise", "913304831LXE3BD9A5",
            "--Access:EnterpriseTokens:DevelopmentKeyFile=appsettings.json/key"], 3,
            "Setting Access:EnterpriseTokens:DevelopmentKeyFile is 'appsettings.json/key', which is not there" },
        { ["report", "--Receipts:DevelopmentKeyFile=appsettings.json/keys/key"], 3,
            "appsettings.json' on its path is a file, not a folder. Name a file in a folder this process may create" },
        // Found only by the archiver: exit 1 for a setting the start did not check.
        { ["audit", "archive", "--AccessLog:Retention:Folder=appsettings.json/sub"], 3,
            "Setting AccessLog:Retention:Folder is 'appsettings.json/sub', which is not allowed: '" },
        { ["token", "--department", "tax", "--Auth:DevelopmentKeyFile=" + LongName], 3,
            "Setting Auth:DevelopmentKeyFile is '/" },
        { ["report", "--Receipts:DevelopmentKeyFile=" + LongName], 3, "is 300 bytes long" },
    };

    // 300 bytes in one name: a file system takes 255.
    private static readonly string LongName = Path.Combine(Path.GetTempPath(), "pq-long", new string('k', 300));

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task A_mistake_is_one_sentence_and_an_exit_code(string[] args, int exitCode, string sentence)
    {
        // A refusal takes a second; a verb (or server) that goes on is killed, and the test fails, after 90 s.
        using var verb = new VerbProcess { Timeout = TimeSpan.FromSeconds(90) };
        var (code, _, error) = await verb.RunAsync(args);
        Assert.True(code == exitCode, $"exit {code}: {error}");
        Assert.Contains(sentence, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(File.Exists(verb.DefaultDatabase), "the verb went on with the default database");
    }

    /// <summary>
    /// A FIFO with no writer blocked the verb's open of the file it names, and the verb hung with no word (the files
    /// probe): it is refused as a file a setting names is, after the same 5 s.
    /// </summary>
    [Theory]
    [InlineData("The checkpoint file '{0}' did not answer a read within 5 s", "audit", "verify", "--checkpoint")]
    [InlineData("{0} did not answer a read within 5 s: it is not a regular file", "receipt", "verify")]
    public async Task A_file_argument_that_is_a_FIFO_is_refused_instead_of_waiting_for_a_writer(string sentence,
        params string[] verb)
    {
        using var process = new VerbProcess { Timeout = TimeSpan.FromSeconds(40) };
        var fifo = Path.Combine(process.Folder, "pipe");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var (code, _, error) = await process.RunAsync([.. verb, fifo]);

        Assert.True(code == 2, $"exit {code}: {error}");
        Assert.StartsWith(string.Format(System.Globalization.CultureInfo.InvariantCulture, sentence, fifo), error,
            StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    /// <summary>
    /// seed deleted whatever its Data Source named and put a database there: a mistyped path to a README, or a device
    /// node run as root (the files probe). A file that is no SQLite database is refused, untouched.
    /// </summary>
    [Fact]
    public async Task Seed_does_not_delete_a_file_that_is_no_SQLite_database()
    {
        using var verb = new VerbProcess { Timeout = TimeSpan.FromSeconds(90) };
        var notes = Path.Combine(verb.Folder, "notes.md");
        await File.WriteAllTextAsync(notes, "# Not a database\n");

        var (code, _, error) = await verb.RunAsync(
            "seed", "--enterprises", "5", $"--Database:ConnectionString=Data Source={notes}");

        Assert.True(code == 3, $"exit {code}: {error}");
        Assert.Contains($"'{notes}' is not one (it does not begin with SQLite's header): nothing was deleted", error,
            StringComparison.Ordinal);
        Assert.Equal("# Not a database\n", await File.ReadAllTextAsync(notes));
    }

    [Theory]
    [InlineData("schema", "'schema' needs what to do: schema export [--out DIR].")]
    [InlineData("audit", "'audit' needs a sub-verb: audit verify, audit checkpoint or audit archive.")]
    public async Task A_setting_where_the_sub_verb_goes_is_a_missing_sub_verb(string name, string sentence)
    {
        // 'schema --Clock:Today=…' was told "'schema --Clock:Today=…' is not a schema verb", as if the setting were
        // a sub-verb misspelt.
        using var verb = new VerbProcess { Timeout = TimeSpan.FromSeconds(90) };
        var (code, _, error) = await verb.RunAsync(name, "--Clock:Today=2026-12-01");
        Assert.True(code == 2, $"exit {code}: {error}");
        Assert.StartsWith(sentence, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("\"ok\"")]
    [InlineData("[1, 2]")]
    public async Task Receipt_results_that_are_not_result_objects_are_refused(string results)
    {
        // An object in place of the list was passed over: the answers went unchecked and the verdict read "valid".
        var file = Path.Combine(Path.GetTempPath(), $"pq-receipt-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, $$"""{"receipt": "x.y.z", "creditCodes": [], "results": {{results}}}""");
        try
        {
            using var verb = new VerbProcess { Timeout = TimeSpan.FromSeconds(90) };
            var (code, _, error) = await verb.RunAsync("receipt", "verify", file);
            Assert.True(code == 2, $"exit {code}: {error}");
            Assert.Contains("\"results\" must be the list of result objects", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// Run beside another program's appsettings.json, the verb named the contracts to choose from: "one of ." (the
    /// writes probe). It says where the contracts come from instead.
    /// </summary>
    [Fact]
    public async Task Settings_without_contracts_say_where_contracts_come_from()
    {
        using var verb = new VerbProcess { Timeout = TimeSpan.FromSeconds(90) };
        await File.WriteAllTextAsync(Path.Combine(verb.Folder, "appsettings.json"), """{ "Logging": {} }""");

        var (code, _, error) = await verb.RunAsync("report");

        Assert.True(code == 3, $"exit {code}: {error}");
        Assert.Contains("Access:Contracts defines none: run from the folder that holds the server's appsettings.json",
            error, StringComparison.Ordinal);
        Assert.DoesNotContain("one of .", error, StringComparison.Ordinal);
        // Not "as appsettings.example.json does": that file only sketches the contracts (the partner probe).
        Assert.Contains("copy its Access:Contracts section into yours", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_argument_is_bounded()
    {
        // A 100,000-character subject made a 133 KB token that no request could carry (431 over 32 KB of headers).
        using var verb = new VerbProcess { Timeout = TimeSpan.FromSeconds(90) };
        var (code, output, error) = await verb.RunAsync(
            "token", "--department", "tax", "--subject", new string('x', 100_000));
        Assert.True(code == 2, $"exit {code}: {error}");
        Assert.Empty(output);
        Assert.StartsWith("--subject takes a name of 1 to 200 characters (the officer or system the token is for); "
            + "this one has 100,000.", error, StringComparison.Ordinal);

        // The enterprise's code is checked already, and its refusal quoted the argument whole.
        (code, _, error) = await verb.RunAsync("token", "--enterprise", new string('9', 100_000));
        Assert.True(code == 2, $"exit {code}: {error.Length} characters");
        Assert.StartsWith("--enterprise '9999", error, StringComparison.Ordinal);
        Assert.True(error.Length < 300, $"{error.Length} characters");

        (code, output, error) = await verb.RunAsync("token", "--department", "tax", "--subject", new string('长', 200));
        Assert.True(code == 0, $"exit {code}: {error}");
        Assert.NotEmpty(output.Trim());
    }

    [Fact]
    public async Task A_folder_a_verb_cannot_write_is_one_sentence_and_exit_code_1()
    {
        using var verb = new VerbProcess();
        var (code, _, error) = await verb.RunAsync("schema", "export", "--out", "/proc/no-such-folder");
        Assert.True(code == 1, $"exit {code}: {error}");
        Assert.StartsWith("'/proc/no-such-folder/", error, StringComparison.Ordinal);
        Assert.Contains("cannot be written: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Could not find", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_under_a_file_names_the_file()
    {
        // "its folder does not take new files (a system folder such as /proc or /sys)" sent the writer elsewhere.
        using var verb = new VerbProcess();
        var (code, _, error) = await verb.RunAsync("schema", "export", "--out", "appsettings.json/sub");
        Assert.True(code == 1, $"exit {code}: {error}");
        Assert.StartsWith("'appsettings.json/sub/", error, StringComparison.Ordinal);
        Assert.Contains("appsettings.json' on its path is a file, not a folder.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("/proc", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_appsettings_file_that_is_not_JSON_is_named_with_its_line()
    {
        using var verb = new VerbProcess();
        await File.WriteAllTextAsync(Path.Combine(verb.Folder, "appsettings.json"),
            "{\n  \"Database\": {\n    \"Provider\": Sqlite\n  }\n}\n");
        var (code, _, error) = await verb.RunAsync("report");
        Assert.True(code == 3, $"exit {code}: {error}");
        Assert.Contains("appsettings.json", error, StringComparison.Ordinal);
        // Counted from 1, as an editor shows it: the JSON reader's "LineNumber: 2" sent the operator a line too early.
        Assert.Contains("(line 3, byte 17)", error, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    /// <summary>
    /// A lock file the folder refuses (a read-only file system; here a folder in its place) was reported as a seed
    /// run in progress that was not there (the ops probe), or as .NET's "Access to the path … is denied", exit 1.
    /// </summary>
    [Fact]
    public async Task A_lock_file_that_cannot_be_created_is_named_so()
    {
        using var verb = new VerbProcess();
        var file = Path.Combine(verb.Folder, "locked.db");
        Directory.CreateDirectory(file + ".lock");
        var (code, _, error) = await verb.RunAsync("seed", "--enterprises", "10",
            $"--Database:ConnectionString=Data Source={file}");
        Assert.True(code == 3, $"exit {code}: {error}");
        Assert.Contains($"The lock file '{file}.lock' beside the database cannot be created", error,
            StringComparison.Ordinal);
        Assert.DoesNotContain("in use", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_without_tables_is_named_so()
    {
        using var verb = new VerbProcess();
        var file = Path.Combine(verb.Folder, "empty.db");
        File.WriteAllBytes(file, []);
        var (code, _, error) = await verb.RunAsync("report", $"--Database:ConnectionString=Data Source={file}");
        Assert.True(code == 3, $"exit {code}: {error}");
        Assert.Contains("no tables yet", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
