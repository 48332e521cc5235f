using System.Globalization;

namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>
/// A setting that cannot be read (unknown enum name, text for a number) or is out of range stops the server and every
/// verb with exit code 3 and a sentence naming the setting and what is allowed — never a stack trace or a type name.
/// </summary>
public sealed class BadSettingsTests
{
    public static TheoryData<string, string, string> Cases => new()
    {
        {
            "--Receipts:SigningKey=not-a-key",
            "Setting Receipts:SigningKey is not an EC private key in PEM form",
            "BEGIN PRIVATE KEY"
        },
        {
            "--Auth:Authority=https://id.example",
            "Setting Receipts:SigningKey is missing",
            "EC P-256 key"
        },
        {
            "--Auth:Authority=http://idp.example/realm",
            "Setting Auth:Authority is 'http://idp.example/realm', which is not allowed",
            "must be an https address"
        },
        { "--Auth:Authority=notaurl", "Setting Auth:Authority is 'notaurl'", "must be an https address" },
        { "--Database:Provider=Bogus", "Setting Database:Provider is 'Bogus'", "one of Sqlite, Postgres" },
        { "--Database:Provider=7", "Setting Database:Provider is '7'", "one of Sqlite, Postgres" },
        // The values a keyword takes, not the runtime's "Requested value 'Bogus' was not found" (the docs probe).
        {
            "--Database:ConnectionString=Data Source=x.db;Mode=Bogus",
            "Setting Database:ConnectionString has Mode='Bogus', which SQLite does not take",
            "give one of ReadWriteCreate, ReadWrite, ReadOnly, Memory"
        },
        {
            "--Database:ConnectionString=Data Source=x.db;Pooling=maybe",
            "Setting Database:ConnectionString has Pooling='maybe'", "give true or false"
        },
        // Anonymous callers read the regulator's contract, unmasked contacts and the access log included.
        {
            "--Access:Public:Contract=regulator",
            "Setting Access:Public:Contract is 'regulator', which anonymous callers may not have",
            "Identity is Full (at most Limited), Contact is Full (at most Hidden), Audit is Full (at most Hidden)"
        },
        { "--GraphQL:MaxDepth=deep", "Setting GraphQL:MaxDepth is 'deep'", "a whole number" },
        { "--GraphQL:MaxDepth=1000", "Setting GraphQL:MaxDepth", "between 2 and 100" },
        { "--AccessLog:CodeIndexBatchCodes=10", "Setting AccessLog:CodeIndexBatchCodes", "between 1000 and 1000000" },
        {
            "--AccessLog:CodeIndexIntervalMilliseconds=soon",
            "Setting AccessLog:CodeIndexIntervalMilliseconds is 'soon'",
            "a whole number"
        },
        {
            "--GraphQL:ExposeExceptionDetails=maybe",
            "Setting GraphQL:ExposeExceptionDetails is 'maybe'",
            "true or false"
        },
        { "--Database:SqlitePageCacheMiB=0", "Setting Database:SqlitePageCacheMiB", "between 1 and 4096" },
        { "--Database:SeedToday=yesterday", "Setting Database:SeedToday is 'yesterday'", "a date such as 2026-11-28" },
        {
            "--GraphQL:Cors:AllowedOrigins:0=https://credit.example.gov.cn/app",
            "Setting GraphQL:Cors:AllowedOrigins has 'https://credit.example.gov.cn/app', which is not an origin",
            "no path or trailing slash"
        },
        // A single value where a list goes, or a word in a dictionary of numbers, was skipped by the binder.
        {
            "--GraphQL:Cors:AllowedOrigins=https://credit.example.gov.cn",
            "Setting GraphQL:Cors:AllowedOrigins is a list, and 'https://credit.example.gov.cn' is a single value",
            "GraphQL:Cors:AllowedOrigins:0"
        },
        { "--Rules:Supervision:Exclusions=foo", "Setting Rules:Supervision:Exclusions is a list", "a JSON array" },
        {
            "--GraphQL:Limits:ListSizes:Query.products=abc",
            "Setting GraphQL:Limits:ListSizes:Query.products is 'abc'", "a whole number from 0 to 2147483647."
        },
        // Bounded by a validator of their own, not a [Range], they were told "a whole number up to 2147483647 (and
        // within the setting's own range)" (the files probe).
        { "--AccessLog:Retention:Days=abc", "Setting AccessLog:Retention:Days is 'abc'", "from 0 to 36500." },
        {
            "--Access:EnterpriseTokens:DefaultLifetimeDays=x", "Setting Access:EnterpriseTokens:DefaultLifetimeDays",
            "a whole number from 1 to 366 (and at most Access:EnterpriseTokens:MaxLifetimeDays)."
        },
        { "--Access:Public:Limits:MaxCost=abc", "Setting Access:Public:Limits:MaxCost", "from 1 to 2147483647." },
        { "--Access:Limits:WindowSeconds=1.5", "Setting Access:Limits:WindowSeconds is '1.5'", "from 1 to 86400." },
        {
            "--GraphQL:Limits:FieldCosts:Query.statistics=x", "Setting GraphQL:Limits:FieldCosts:Query.statistics",
            "a whole number from 0 to 2147483647."
        },
        { "--Telemetry:Tracing:SampleRatio=half", "Setting Telemetry:Tracing:SampleRatio", "a number from 0 to 1." },
        {
            "--GraphQL:Limits:ListSizes:Query.prodcts=300",
            "Setting GraphQL:Limits:ListSizes:Query.prodcts names no field of any contract", "Type.field"
        },
        {
            "--Map:BoundariesFile=regions.geojson",
            "Setting Map:BoundariesFile is 'regions.geojson', which does not exist",
            "leave it empty for the schematic layout"
        },
        {
            "--Map:BoundariesFile=appsettings.json",
            "Setting Map:BoundariesFile is 'appsettings.json', which is not a GeoJSON FeatureCollection",
            "Give a GeoJSON FeatureCollection"
        },
        { "--Auth:ClockSkewSeconds=1.5", "Setting Auth:ClockSkewSeconds is '1.5'", "a whole number" },
        // .NET's converter reads hexadecimal: "0x1F" was taken as 31 (the fuzz probe).
        { "--GraphQL:MaxDepth=0x1F", "Setting GraphQL:MaxDepth is '0x1F'", "a whole number" },
        { "--Access:Limits:MaxCost=&H1F", "Setting Access:Limits:MaxCost is '&H1F'", "a whole number" },
        { "--Auth:ClockSkewSeconds=#1F", "Setting Auth:ClockSkewSeconds is '#1F'", "a whole number" },
        // Not a number at all, a ranged setting is told its range too (the re-probe).
        { "--GraphQL:MaxPageSize=1.5", "Setting GraphQL:MaxPageSize is '1.5'", "a whole number from 1 to 10000" },
        // A whole number too large for the type was told it should be "a whole number" (the ops probe).
        {
            "--Database:SqlitePageCacheMiB=99999999999", "Setting Database:SqlitePageCacheMiB is '99999999999'",
            "a whole number from 1 to 4096"
        },
        { "--Access:Contracts:tax:Groups:Health=All", "Setting Access:Contracts:tax:Groups:Health is 'All'", "one" },
        { "--Access:Contracts:tax:Groups:Secret=Full", "Setting Access:Contracts:tax:Groups:Secret names", "one" },
        {
            "--Access:Departments:tax:Contract=taxes",
            "Setting Access:Departments:tax:Contract is 'taxes'",
            "one of drc, finance, industry-access, project-approval, public, regulator, sci-tech, tax, yrd-partner"
        },
        // A URL where a name belongs refused every request with an HTML 400, and the server said it was ready.
        {
            "--AllowedHosts=http://x/", "Setting AllowedHosts has 'http://x/', which is no host name",
            "without scheme, port or path"
        },
        // A kid without the key it names was ignored: receipts went on under the development key's kid (ops probe).
        {
            "--Receipts:KeyId=k1", "Setting Receipts:KeyId is 'k1' but Receipts:SigningKey is not set",
            "leave KeyId out"
        },
        // Blank, a time of day was read as midnight (ops probe).
        {
            "--AccessLog:Retention:RunAt= ", "Setting AccessLog:Retention:RunAt is ' '",
            "a time of day from 00:00:00 to 23:59:59"
        },
        // Empty, every receipt would carry "iss": "" (the ops probe).
        { "--Receipts:Issuer=", "Setting Receipts:Issuer is empty", "productquality-graph by default" },
        {
            // One letter is lower case: the message said only "lower-case letters", and 'x' is (the re-probe).
            "--Access:Departments:x:Contract=tax",
            "Setting Access:Departments:x names the department 'x': a department id is 2 to 63 lower-case letters",
            "not starting with a dash"
        },
        {
            "--Access:Contracts:audit-only:Groups:Audit=Full",
            "Setting Access:Contracts:audit-only:Groups does not state Identity, Contact,",
            "give every field group Full, Masked, Limited or Hidden"
        },
        {
            "--Telemetry:Otlp:Endpoint=ftp://collector.example",
            "Setting Telemetry:Otlp:Endpoint is 'ftp://collector.example/'",
            "an http or https address"
        },
        { "--Telemetry:Otlp:Endpoint=not an address", "Setting Telemetry:Otlp:Endpoint is 'not an address'", "http" },
        { "--Telemetry:Otlp:Protocol=Udp", "Setting Telemetry:Otlp:Protocol is 'Udp'", "one of Grpc, HttpProtobuf" },
        { "--Telemetry:Tracing:SampleRatio=2", "Setting Telemetry:Tracing:SampleRatio is 2", "between 0 and 1" },
        { "--Telemetry:Tracing:SampleRatio=half", "Setting Telemetry:Tracing:SampleRatio is 'half'", "a number" },
        { "--Telemetry:Prometheus:Path=metrics", "Setting Telemetry:Prometheus:Path is 'metrics'", "such as /metrics" },
        { "--Telemetry:Prometheus:Path=/graphql", "Setting Telemetry:Prometheus:Path is '/graphql'", "not /graphql" },
        { "--Telemetry:Prometheus:Enabled=yes", "Setting Telemetry:Prometheus:Enabled is 'yes'", "true or false" },
        {
            "--Telemetry:Prometheus:AllowedNetworks:0=10.0.0.0/33",
            "Setting Telemetry:Prometheus:AllowedNetworks has '10.0.0.0/33'",
            "CIDR form such as 10.0.0.0/8"
        },
        {
            "--Telemetry:MaxOperationNamesPerDepartment=-1",
            "Setting Telemetry:MaxOperationNamesPerDepartment is -1",
            "between 0 and 1000"
        },
        { "--Telemetry:ServiceName= ", "Setting Telemetry:ServiceName is empty", "name the service" },
        { "--Logging:Format=xml", "Setting Logging:Format is 'xml'", "one of Simple, Json" },
        {
            "--Logging:LogLevel:Default=Loud", "Setting Logging:LogLevel:Default is 'Loud'",
            "one of Trace, Debug, Information, Warning, Error, Critical, None"
        },
        {
            "--Logging:Console:LogLevel:Microsoft=Quiet", "Setting Logging:Console:LogLevel:Microsoft is 'Quiet'", "one"
        },
        { "--GraphQL:Path=graphql", "Setting GraphQL:Path is not allowed", "must start with /" },
        { "--Health:CheckTimeoutSeconds=0", "Setting Health:CheckTimeoutSeconds is 0, which", "between 1 and 60" },
        {
            "--Access:Public:Limits:MaxConcurrentRequests=0",
            "Setting Access:Public:Limits:MaxConcurrentRequests is 0, which is not allowed", "between 1 and 10000"
        },
        {
            "--Rules:Assured:ValidityMonths=-1",
            "Setting Rules:Assured:ValidityMonths is -1, which is not allowed", "between 1 and 120"
        },
        {
            "--Rules:ProductTier:ElevatedThreshold=80",
            "Setting Rules:ProductTier: ElevatedThreshold must be below HighThreshold", "below"
        },
        {
            "--Access:Departments:tax:Contract=enterprise-self",
            "Setting Access:Departments:tax:Contract is 'enterprise-self'", "for enterprise tokens"
        },
        {
            "--Access:EnterpriseTokens:MaxLifetimeDays=0", "Setting Access:EnterpriseTokens:MaxLifetimeDays", "1 to 366"
        },
        {
            "--Access:EnterpriseTokens:Issuer=productquality-graph-dev",
            "Setting Access:EnterpriseTokens:Issuer", "differ from Auth:Issuer"
        },
        { "--Access:EnterpriseTokens:SigningKey=c2hvcnQ=", "Setting Access:EnterpriseTokens:SigningKey", "32" },
        // Key files are read on first use: checked at start instead (a damaged one answered every request 500).
        {
            "--Auth:DevelopmentKeyFile=appsettings.json",
            "Setting Auth:DevelopmentKeyFile is 'appsettings.json', which does not hold",
            "base64 HMAC-SHA256 key of at least 32 bytes"
        },
        {
            "--Access:EnterpriseTokens:DevelopmentKeyFile=appsettings.json",
            "Setting Access:EnterpriseTokens:DevelopmentKeyFile is 'appsettings.json', which does not hold",
            "base64 HMAC-SHA256 key"
        },
        {
            "--Receipts:DevelopmentKeyFile=appsettings.json",
            "Setting Receipts:DevelopmentKeyFile is 'appsettings.json', which does not hold",
            "EC P-256 private key in PEM form"
        },
        { "--Receipts:DevelopmentKeyFile=.", "Setting Receipts:DevelopmentKeyFile is '.', which is a folder", "PEM" },
        // A key no property reads was ignored by the binder: the server ran on the default the operator meant to set.
        { "--Database:Provdier=Postgres", "Setting Database:Provdier is not known", "mean Database:Provider?" },
        { "--Databse:Provider=Postgres", "Setting section Databse is not one of the server's", "mean Database?" },
        // Holding only the framework's levels, which the example documents: ignored before (the fuzz probe).
        { "--Loggign:LogLevel:Default=Debug", "Setting section Loggign is not one of the server's", "mean Logging?" },
        { "--GraphQL:MaxPageSze=50", "Setting GraphQL:MaxPageSze is not known", "did you mean GraphQL:MaxPageSize?" },
        { "--GraphQL:Limits:MaxAlias=5", "Setting GraphQL:Limits:MaxAlias is not known", "GraphQL:Limits:MaxAliases?" },
        { "--GraphQL:Cors:AllowedOrigin:0=https://a.example", "Setting GraphQL:Cors:AllowedOrigin is", "Origins?" },
        { "--AccessLog:Retention:Dayz=30", "Setting AccessLog:Retention:Dayz is not known", "Retention:Days?" },
        {
            "--Access:Departments:finance:Limit:MaxCost=10", "Setting Access:Departments:finance:Limit is not known",
            "did you mean Access:Departments:finance:Limits?"
        },
        {
            "--Telemetry:Sampling=0.5", "Setting Telemetry:Sampling is not known",
            "the settings of Telemetry are MaxOperationNamesPerDepartment, Otlp, Prometheus, ServiceName, Tracing"
        },
        {
            "--Rules:Supervision:Exclusions:first:Name=x", "Setting Rules:Supervision:Exclusions:first is not known",
            "items are numbered Rules:Supervision:Exclusions:0"
        },
        { "--Database:Provider:0=Postgres", "Setting Database:Provider:0 is not known", "takes one value" },
        // Found by the re-probe: crashes (exit 134), misread or silently dropped settings.
        {
            "--Database:ConnectionString=Data Source=x.db;Password=secret", "Setting Database:ConnectionString has a "
            + "Password", "does not encrypt"
        },
        { "--Database:ConnectionString=Data Source=", "Setting Database:ConnectionString names no file", "such as" },
        { "--Clock:Today=9999-12-31", "Setting Clock:Today is '9999-12-31'", "from 2000-01-01 to 2099-12-31" },
        { "--Clock:Today=05/12/2026", "Setting Clock:Today is '05/12/2026'", "(written yyyy-MM-dd)" },
        { "--Logging:Fromat=Json", "Setting Logging:Fromat is not known", "did you mean Logging:Format?" },
        { "--GraphQL:WebSocket:KeepAliveSeconds=3", "Setting GraphQL:WebSocket is not known", "GraphQL:WebSockets?" },
        { "--GraphQL=x", "Setting GraphQL is 'x', a single value where settings go", "GraphQL:DocumentCacheSize (" },
        { "--Access:Departments:tax=x", "Setting Access:Departments:tax is 'x', a single value", "JSON object" },
        // The example is a setting that takes a value, not a section (Rules:Assured was refused in turn: re-probe).
        {
            "--Rules=x", "Setting Rules is 'x', a single value",
            "such as Rules:Version (environment variable Rules__Version)"
        },
        { "--Access=x", "Setting Access is 'x', a single value", "(environment variable Access__EnterpriseTokens__" },
        // Started, then answered 500 there (two endpoints matched) and broke the readiness probe.
        { "--GraphQL:Path=/health/ready", "Setting GraphQL:Path is '/health/ready'", "answers /health/ready itself" },
        { "--GraphQL:Path=/metrics", "Setting GraphQL:Path is '/metrics'", "Telemetry:Prometheus:Path" },
        // Took the form of a county code, named no county: the thresholds never applied, the bureau saw nothing.
        {
            "--Rules:RegionColour:Counties:330418:MinEnterprisesForTown=8",
            "Setting Rules:RegionColour:Counties:330418: '330418' is not a county of Jiaxing", "one of 330402"
        },
        // Found by SettingsFuzzTests: each stopped the start with an exception and a stack trace.
        { "--Auth:IsDevelopmentMode=true", "Setting Auth:IsDevelopmentMode is not known", "Issuer, SigningKey" },
        { "--Telemetry:ServiceName=", "Setting Telemetry:ServiceName is empty", "name the service" },
        {
            "--Rules:ProductTier:CccPoints=99999999999999999999", "Setting Rules:ProductTier:CccPoints",
            "between 0 and 100"
        },
        {
            "--Map:BoundariesFile=/dev/zero", "Setting Map:BoundariesFile is '/dev/zero', which holds more than",
            "GeoJSON file"
        },
        {
            // Read to the end, it ran the start out of memory (exit 134, "Out of memory.").
            "--Auth:DevelopmentKeyFile=/dev/zero", "Setting Auth:DevelopmentKeyFile is '/dev/zero', which holds more",
            "a key file holds a base64"
        },
        {
            "--Receipts:DevelopmentKeyFile=/dev/zero",
            "Setting Receipts:DevelopmentKeyFile is '/dev/zero', which holds more", "a key file holds"
        },
        // Read by Kestrel as it started, even for http only: /dev/zero until killed; the others in the runtime's
        // words after the database was migrated, naming no setting (the configuration probe).
        {
            "--Kestrel:Certificates:Default:Path=/dev/zero",
            "Setting Kestrel:Certificates:Default:Path is '/dev/zero', which holds more than", "holds the certificate"
        },
        {
            "--Kestrel:Certificates:Default:Path=.",
            "Setting Kestrel:Certificates:Default:Path is '.', which is a folder",
            "name the file that holds the certificate (PEM or PFX)"
        },
        {
            "--Kestrel:Certificates:Default:KeyPath=/etc/passwd/key.pem",
            "Setting Kestrel:Certificates:Default:KeyPath is '/etc/passwd/key.pem', which is not there",
            "'/etc/passwd' on its path is a file"
        },
        // Kestrel reads no limits from the settings, and passes over a value it cannot read: both started silently.
        {
            "--Kestrel:Limits:KeepAliveTimeout=xyz",
            "Setting Kestrel:Limits:KeepAliveTimeout is not read: Kestrel takes only Kestrel:Endpoints",
            "this server sets Kestrel's limits itself from the GraphQL section"
        },
        {
            "--Kestrel:AddServerHeader=false", "Setting Kestrel:AddServerHeader is not read", "GraphQL:MaxConnections"
        },
        {
            "--Kestrel:EndpointDefaults:Protocols=Http5",
            "Setting Kestrel:EndpointDefaults:Protocols is 'Http5', which Kestrel cannot read and would pass over",
            "give one of None, Http1, Http2, Http1AndHttp2, Http3, Http1AndHttp2AndHttp3"
        },
        {
            "--Kestrel:EndpointDefaults:Protocol=Http2",
            "Setting Kestrel:EndpointDefaults:Protocol is not known",
            "Kestrel reads Protocols, SslProtocols, ClientCertificateMode there"
        },
        {
            "--Kestrel:EndpointDefaults:SslProtocols:0=Tls14",
            "Setting Kestrel:EndpointDefaults:SslProtocols:0 is 'Tls14', which Kestrel cannot read",
            "give one of Tls12, Tls13"
        },
        {
            "--Kestrel:Certificates:Default:Pth=cert.pem",
            "Setting Kestrel:Certificates:Default:Pth is not known",
            "Kestrel reads Path, KeyPath, Password, Subject, Store, Location, AllowInvalid there"
        },
        // A name too long for the file system passed the start: each request then waited 30 s for the key's lock.
        {
            "--Auth:DevelopmentKeyFile=" + LongName, "Setting Auth:DevelopmentKeyFile is '/",
            "a name on its path ('kkkkkkkk"
        },
        {
            "--Receipts:DevelopmentKeyFile=" + LongName, "Setting Receipts:DevelopmentKeyFile is '/",
            "is 300 bytes long, and a file system takes at most 207 here (255, less 48"
        },
        {
            "--Access:EnterpriseTokens:DevelopmentKeyFile=" + LongPath,
            "Setting Access:EnterpriseTokens:DevelopmentKeyFile is '/", "and a file system takes at most 4,047 here"
        },
        // A name that fits, whose lock and temporary copy beside it do not.
        {
            "--Auth:DevelopmentKeyFile=" + LongName[..^50], "Setting Auth:DevelopmentKeyFile is '/",
            "is 250 bytes long, and a file system takes at most 207 here"
        },
        // Compared with GraphQL:Path and /health only: the path then answered 500 (two endpoints) and /metrics 404.
        {
            "--Telemetry:Prometheus:Path=/map", "Setting Telemetry:Prometheus:Path is '/map', which is not allowed",
            "the server answers /map itself"
        },
        { "--Telemetry:Prometheus:Path=/Map", "Setting Telemetry:Prometheus:Path is '/Map'", "answers /map itself" },
        { "--Telemetry:Prometheus:Path=/ui", "Setting Telemetry:Prometheus:Path is '/ui'", "such as /metrics" },
        {
            "--Telemetry:Prometheus:Path=/.well-known/jwks.json",
            "Setting Telemetry:Prometheus:Path is '/.well-known/jwks.json'", "answers /.well-known/jwks.json itself"
        },
        // Clients resolve dot segments before they send: no request could reach such a path.
        { "--GraphQL:Path=/..", "Setting GraphQL:Path is '/..', which is not allowed", "a '.' or '..' segment" },
        { "--GraphQL:Path=/.", "Setting GraphQL:Path is '/.', which is not allowed", "a '.' or '..' segment" },
        { "--GraphQL:Path=/x/..", "Setting GraphQL:Path is '/x/..'", "such as /graphql" },
        { "--GraphQL:Path=/a/../map", "Setting GraphQL:Path is '/a/../map'", "a '.' or '..' segment" },
        {
            "--Telemetry:Prometheus:Path=/a/../metrics", "Setting Telemetry:Prometheus:Path is '/a/../metrics'",
            "a '.' or '..' segment"
        },
        // Under a file, it started Degraded (the archiver failed each run) and 'audit archive' exited 1.
        {
            "--AccessLog:Retention:Folder=appsettings.json/sub",
            "Setting AccessLog:Retention:Folder is 'appsettings.json/sub', which is not allowed",
            "appsettings.json' on its path is a file, not a folder"
        },
        // Taken for its public half: the private key stayed in the configuration, able to sign receipts that verify.
        {
            "--Receipts:RetiredKeys:receipts-2025=" + Receipts.ReceiptServer.NewKeyPem(),
            "Setting Receipts:RetiredKeys:receipts-2025 holds a private key", "give only its public half"
        },
    };

    // One name of 300 bytes (a file system takes 255), and a path of 100 KB (Linux takes 4,095 bytes).
    private static readonly string LongName = Path.Combine(Path.GetTempPath(), "pq-long", new string('k', 300));
    private static readonly string LongPath = "/tmp/" + string.Join('/', Enumerable.Repeat(new string('k', 200), 500));

    /// <summary>
    /// A path of 100 KB was echoed whole, twice, after the verb had waited 30 s for the key's lock: the sentence now
    /// quotes its start, for the server and the verbs alike.
    /// </summary>
    [Theory]
    [InlineData("serve")]
    [InlineData("token", "--enterprise", "913304831LXE3BD9A5")]
    public async Task A_key_file_path_too_long_is_refused_at_once_and_quoted_by_its_start(params string[] verb)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await RunAsync([.. verb, "--Access:EnterpriseTokens:DevelopmentKeyFile=" + LongPath]);
        AssertRefused(result, "Setting Access:EnterpriseTokens:DevelopmentKeyFile is '/tmp/kkk",
            "Name a file with a shorter path.");
        Assert.True(result.Error.Length < 1000,
            $"{result.Error.Length} characters: {result.Error[..Math.Min(1000, result.Error.Length)]}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(25), $"refused after {clock.Elapsed}");
    }

    /// <summary>
    /// A FIFO blocks its reader until a writer comes: named by a key file, the boundary file or the SQLite file, it
    /// hung the start with no word (SQLite opens it read-write, which does not block, and then waits in a read).
    /// </summary>
    [Theory]
    [InlineData("Auth:DevelopmentKeyFile", "--Auth:DevelopmentKeyFile={0}")]
    [InlineData("Map:BoundariesFile", "--Map:BoundariesFile={0}")]
    [InlineData("Database:ConnectionString", "--Database:ConnectionString=Data Source={0}")]
    [InlineData("Kestrel:Certificates:Default:Path", "--Kestrel:Certificates:Default:Path={0}")]
    public async Task A_setting_that_names_a_FIFO_stops_the_start_instead_of_waiting_for_a_writer(
        string setting, string argument)
    {
        var folder = Directory.CreateTempSubdirectory("pq-fifo-");
        try
        {
            var fifo = Path.Combine(folder.FullName, "pipe");
            using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo]))
            {
                await mkfifo.WaitForExitAsync();
                Assert.Equal(0, mkfifo.ExitCode);
            }

            var (code, _, error) = await RunAsync(string.Format(CultureInfo.InvariantCulture, argument, fifo));
            Assert.True(code == 3, $"exit {code}: {error}");
            var sentence = error.Split('\n')[0];
            Assert.StartsWith($"Setting {setting} ", sentence, StringComparison.Ordinal);
            Assert.Contains("did not answer a read within 5 s: it is not a regular file", sentence,
                StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// A boundary file whose values are of the wrong kind crashed the start and every verb with an exception and a
    /// stack trace (exit 134); one whose geometry the page cannot draw started, and the map then drew nothing.
    /// </summary>
    [Theory]
    [InlineData("""{"type":"FeatureCollection","features":[5]}""", "has a feature (#0) that is the number 5")]
    [InlineData("""{"type": 5, "features": []}""", "is not a GeoJSON FeatureCollection")]
    // In an editor's words, not the parser's ("LineNumber: 1 | BytePositionInLine: 16 … Change the reader options").
    [InlineData("{\"type\":\"FeatureCollection\",\n \"features\": [1,]}",
        "is not valid JSON (The JSON array contains a trailing comma at the end which is not supported in this mode "
        + "(line 2, byte 17))")]
    [InlineData("""{"type":"FeatureCollection","features":[null]}""", "has a feature (#0) that is null")]
    [InlineData("""{"type":"FeatureCollection","features":[{"properties":{"code":"330402"},"geometry":null}]}""",
        "has a feature (#0, code '330402') whose geometry is null: give a Polygon or MultiPolygon")]
    [InlineData("""{"type":"FeatureCollection","features":[{"properties":{"code":"330402"},"geometry":""" +
        """{"type":"Circle"}}]}""",
        "has a feature (#0, code '330402') whose geometry has type 'Circle'; the map draws Polygon and MultiPolygon")]
    public async Task A_boundary_file_of_the_wrong_shape_stops_the_start_with_a_sentence(string json, string problem)
    {
        var file = Path.Combine(Path.GetTempPath(), $"pq-boundaries-{Guid.NewGuid():N}.geojson");
        await File.WriteAllTextAsync(file, json);
        try
        {
            AssertRefused(await RunAsync($"--Map:BoundariesFile={file}"),
                $"Setting Map:BoundariesFile is '{file}', which {problem}", "Give a GeoJSON FeatureCollection");
            AssertRefused(await RunAsync("token", "--department", "finance", $"--Map:BoundariesFile={file}"),
                $"Setting Map:BoundariesFile is '{file}', which {problem}", "Give a GeoJSON FeatureCollection");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_boundary_file_of_the_wrong_shape_given_in_the_environment_stops_a_verb()
    {
        var file = Path.Combine(Path.GetTempPath(), $"pq-boundaries-{Guid.NewGuid():N}.geojson");
        await File.WriteAllTextAsync(file, """{"type": 5, "features": []}""");
        try
        {
            using var verb = new VerbProcess { Timeout = TimeSpan.FromSeconds(90) };
            verb.Environment["Map__BoundariesFile"] = file;
            AssertRefused(await verb.RunAsync("audit", "verify"),
                $"Setting Map:BoundariesFile is '{file}', which is not a GeoJSON FeatureCollection",
                "Give a GeoJSON FeatureCollection");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_server_stops_with_exit_code_3_and_names_it(string setting, string names, string allowed) =>
        AssertRefused(await RunAsync(setting), names, allowed);

    [Theory]
    [InlineData("token", "--department", "tax")]
    [InlineData("recompute")]
    [InlineData("seed", "--enterprises", "10")]
    [InlineData("schema", "export")]
    [InlineData("report")]
    public async Task Every_verb_stops_the_same_way(params string[] verb)
    {
        var provider = await RunAsync([.. verb, "--Database:Provider=Bogus"]);
        AssertRefused(provider, "Setting Database:Provider is 'Bogus'", "one of Sqlite, Postgres");
        var depth = await RunAsync([.. verb, "--GraphQL:MaxDepth=1000"]);
        AssertRefused(depth, "Setting GraphQL:MaxDepth", "between 2 and 100");
        var level = await RunAsync([.. verb, "--Logging:LogLevel:Default=Loud"]);
        AssertRefused(level, "Setting Logging:LogLevel:Default is 'Loud'", "one of Trace, Debug");
    }

    [Fact]
    public async Task Every_verb_checks_the_settings_that_name_schema_fields()
    {
        // Only the server built the schemas, so `token` and `report` accepted a ListSizes name no contract has.
        foreach (var verb in new[] { new[] { "token", "--department", "tax" }, ["report"] })
        {
            AssertRefused(await RunAsync([.. verb, "--GraphQL:Limits:ListSizes:Query.nope=3"]),
                "Setting GraphQL:Limits:ListSizes:Query.nope names no field of any contract", "Type.field");
        }
    }

    /// <summary>
    /// Rules:Version is stored beside every result in a column of 256 characters: 300 started the server, and on
    /// PostgreSQL every re-evaluating write then failed, the daily run too (the files probe). Characters are counted
    /// as PostgreSQL counts them, so 256 emoji (512 UTF-16 units) fit and 257 do not.
    /// </summary>
    [Fact]
    public async Task A_rules_version_longer_than_its_column_stops_the_start()
    {
        AssertRefused(await RunAsync("--Rules:Version=" + new string('v', 300)),
            "Setting Rules:Version is 'vvvv", "it has 300 characters, and a rules version is stored with every result "
            + "in a column of at most 256");
        var emoji = string.Concat(Enumerable.Repeat("😀", 257));
        AssertRefused(await RunAsync("recompute", "--Rules:Version=" + emoji), "Setting Rules:Version is '😀",
            "it has 257 characters");

        using var verb = new VerbProcess { Timeout = TimeSpan.FromSeconds(90) };
        var (code, _, error) = await verb.RunAsync("token", "--department", "tax", "--Rules:Version=" + emoji[2..]);
        Assert.True(code == 0, $"exit {code}: {error}");
    }

    [Fact]
    public async Task A_rules_version_a_column_cannot_hold_stops_the_start()
    {
        // NUL cannot be given on a command line or in an environment variable: in appsettings.json it can.
        using var verb = new VerbProcess { Timeout = TimeSpan.FromSeconds(90) };
        var file = Path.Combine(verb.Folder, "appsettings.json");
        var settings = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        settings["Rules"] = new System.Text.Json.Nodes.JsonObject { ["Version"] = "2026\0.3" };
        await File.WriteAllTextAsync(file, settings.ToJsonString());

        AssertRefused(await verb.RunAsync("report"),
            "Setting Rules:Version holds the NUL character (U+0000) at character 5", "remove it");
    }

    /// <summary>
    /// A contract's groups that hide every field of a type a field it shows still returns: GraphQL.NET refused the
    /// empty type and the start crashed with its exception (exit 134, a stack trace; the fuzz probe).
    /// </summary>
    [Theory]
    [InlineData("regulator:Groups:Inspections=Hidden", "regulator", "Inspection", "give Inspections Full, or hide")]
    [InlineData("regulator:Groups:Warnings=Hidden", "regulator", "RiskWarning", "give Warnings Full, or hide Write")]
    [InlineData("regulator:Groups:ProductTiers=Hidden", "regulator", "ExternalRiskSignal", "give ProductTiers Full")]
    [InlineData("regulator:Groups:Class=Hidden", "regulator", "ClassOverride", "give Class Full, or hide Write")]
    [InlineData("industry-access:Groups:Identity=Hidden", "industry-access", "Region", "or hide Warnings")]
    [InlineData("drc:Groups:Write=Full", "drc", "Inspection", "give Inspections Full, or hide Write")]
    [InlineData("finance:Groups:Write=Full", "finance", "Inspection", "give Inspections Full, or hide Write")]
    [InlineData("tax:Groups:Write=Full", "tax", "Inspection", "give Inspections Full, or hide Write")]
    [InlineData("sci-tech:Groups:Write=Full", "sci-tech", "Inspection", "give Inspections Full, or hide Write")]
    [InlineData("project-approval:Groups:Write=Full", "project-approval", "Inspection", "or hide Write")]
    public async Task A_contract_that_empties_a_type_it_still_returns_stops_the_start(
        string setting, string contract, string type, string remedy)
    {
        var result = await RunAsync("--Access:Contracts:" + setting);
        AssertRefused(result, $"Setting Access:Contracts:{contract}:Groups leaves type {type} with no field to show",
            remedy);
        Assert.DoesNotContain("must define one or more fields", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_verb_refuses_a_contract_that_empties_a_type()
    {
        foreach (var verb in new[] { new[] { "token", "--department", "tax" }, ["report"], ["schema", "export"] })
        {
            AssertRefused(await RunAsync([.. verb, "--Access:Contracts:drc:Groups:Write=Full"]),
                "Setting Access:Contracts:drc:Groups leaves type Inspection with no field to show (its fields are in "
                + "Inspections), while RecordSamplingPayload.inspection still returns it",
                "give Inspections Full, or hide Write.");
        }
    }

    /// <summary>
    /// A campaign's codes were taken as they came and compared with the stored ones: lower case, mistyped or unknown,
    /// they excluded nothing, silently (the fuzz probe). Credit codes are refused in INVALID_CREDIT_CODE's words.
    /// </summary>
    [Theory]
    [InlineData("CreditCodes:0", "91330481704213653e", "character 18 'e' is lower case")]
    [InlineData("CreditCodes:0", "bad", "has 3 characters; a credit code has 18")]
    [InlineData("CreditCodes:0", "", "the credit code is empty")]
    [InlineData("CreditCodes:0", "91330481704213653A", "check character is 'A' but should be 'E'")]
    [InlineData("ProductCodes:0", "P999", "not a product of the key industrial product catalogue")]
    [InlineData("ProductCodes:0", "p004", "give one of its 273 codes, P001 to P273")]
    [InlineData("ProductCodes:0", "", "not a product of the key industrial product catalogue")]
    public async Task A_campaign_code_that_names_nothing_stops_the_start(string key, string code, string problem)
    {
        const string Campaign = "--Rules:Supervision:Exclusions:0";
        var refused = await RunAsync(
            $"{Campaign}:Name=Campaign", $"{Campaign}:From=2026-01-01", $"{Campaign}:To=2026-12-31",
            $"{Campaign}:ProductCodes:1=P004", $"{Campaign}:{key}={code}");
        AssertRefused(refused, $"Setting Rules:Supervision:Exclusions:0:{key} is '{code}', which is not a", problem);
    }

    [Fact]
    public async Task A_campaign_of_valid_codes_starts()
    {
        // That they exclude what they name: CampaignExclusionTests.
        const string Campaign = "--Rules:Supervision:Exclusions:0";
        using var verb = new VerbProcess { Timeout = TimeSpan.FromSeconds(90) };
        var (exit, _, error) = await verb.RunAsync("token", "--department", "tax", $"{Campaign}:Name=Campaign",
            $"{Campaign}:From=2026-01-01", $"{Campaign}:To=2026-12-31", $"{Campaign}:ProductCodes:1=P004",
            $"{Campaign}:CreditCodes:0=91330481704213653E");
        Assert.True(exit == 0, $"exit {exit}: {error}");
    }

    [Fact]
    public async Task A_setting_other_sections_read_is_named_once()
    {
        // Receipts and enterprise tokens read Auth too, and failed with its failure: the sentence came out three times.
        var (code, _, error) = await RunAsync("--Auth:Authority=http://idp.example/realm");
        Assert.True(code == 3, $"exit {code}: {error}");
        Assert.Single(error.Split('\n'), line => line.StartsWith("Setting Auth:Authority", StringComparison.Ordinal));
    }

    private static async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        // A refusal takes a second; a server that starts instead is killed, and the test fails, after 90 s.
        using var process = new VerbProcess { Timeout = TimeSpan.FromSeconds(90) };
        var result = await process.RunAsync(args);
        Assert.False(File.Exists(process.DefaultDatabase), "the database was touched before the settings were checked");
        return result;
    }

    private static void AssertRefused((int ExitCode, string Out, string Error) result, string names, string allowed)
    {
        Assert.True(result.ExitCode == 3, $"exit {result.ExitCode}: {result.Error}");
        var sentence = result.Error.Split('\n')[0];
        Assert.StartsWith(names, sentence, StringComparison.Ordinal);
        Assert.Contains(allowed, sentence, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception:", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Options", sentence, StringComparison.Ordinal);
    }
}
