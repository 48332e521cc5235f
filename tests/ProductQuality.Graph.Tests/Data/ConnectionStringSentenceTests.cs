using ProductQuality.Graph.Data;

namespace ProductQuality.Graph.Tests.Data;

/// <summary>
/// A connection string the provider's parser refuses, or takes but cannot connect with, is one sentence naming the
/// keyword and what it takes. The parser's own words ("Couldn't set Port (Parameter 'Port')") named no rule, a port
/// past 65535 or an empty Host crashed the start and every verb with a stack trace (exit 134), and an empty string
/// for PostgreSQL was told a SQLite example (the fuzz probe). No sentence quotes a value that may be a password.
/// </summary>
public sealed class ConnectionStringSentenceTests
{
    private const string Postgres = "Host=127.0.0.1;Username=pq;Database=pq;Password=s3cret";

    public static TheoryData<DatabaseProvider, string, string> Refusals => new()
    {
        { DatabaseProvider.Postgres, $"{Postgres};Port=99999",
            "has Port='99999', which is not a TCP port: give a whole number from 1 to 65535." },
        { DatabaseProvider.Postgres, $"{Postgres};Port=0",
            "has Port='0', which PostgreSQL does not take: give a whole number from 1 to 65535." },
        { DatabaseProvider.Postgres, $"{Postgres};Port=abc", "has Port='abc', which PostgreSQL does not take" },
        { DatabaseProvider.Postgres, "Host=;Port=5432;Username=pq;Database=pq", "names no server (Host is empty)" },
        { DatabaseProvider.Postgres, "Username=pq;Database=pq", "names no server (Host is empty)" },
        // Npgsql's default is the database named after the user: with Username=postgres the maintenance database.
        { DatabaseProvider.Postgres, "Host=127.0.0.1;Username=postgres",
            "names no database (Database is empty), so PostgreSQL's driver would use the one named after the user: "
            + "add Database=" },
        { DatabaseProvider.Postgres, "Host=127.0.0.1;Username=pq;Database= ", "names no database" },
        { DatabaseProvider.Postgres, $"{Postgres};Timeout=abc",
            "has Timeout='abc', which PostgreSQL does not take: give a whole number." },
        { DatabaseProvider.Postgres, $"{Postgres};Timeout=99999", "give a whole number of at most 1024." },
        { DatabaseProvider.Postgres, $"{Postgres};Command Timeout=-1",
            "has CommandTimeout='-1', which PostgreSQL does not take: give a whole number of 0 or more." },
        { DatabaseProvider.Postgres, $"{Postgres};Keepalive=-5", "has KeepAlive='-5'" },
        { DatabaseProvider.Postgres, "Data Source=data/productquality.db",
            "has the keyword 'data source', which PostgreSQL does not know (it is a SQLite keyword: for SQLite set "
            + "Database:Provider=Sqlite): give one such as Host=" },
        { DatabaseProvider.Sqlite, "Host=db.example;Database=pq",
            "has the keyword 'host', which SQLite does not know (it is a PostgreSQL keyword: for PostgreSQL set "
            + "Database:Provider=Postgres): give one such as Data Source=" },
        { DatabaseProvider.Postgres, $"{Postgres};SSL Mode=Bogus", "has SslMode='Bogus', which PostgreSQL does not" },
        { DatabaseProvider.Postgres, "", "is empty: give a PostgreSQL connection string such as Host=" },
        // A port written into Host, and settings Npgsql checks only when it builds its data source (the re-probe).
        { DatabaseProvider.Postgres, "Host=h:abc;Username=pq",
            "has Host='h:abc', whose port 'abc' is not a TCP port: give a whole number from 1 to 65535" },
        { DatabaseProvider.Postgres, "Host=127.0.0.1:99999;Username=pq", "whose port '99999' is not a TCP port" },
        { DatabaseProvider.Postgres, "Host=a,[::1]:0;Username=pq", "has Host='[::1]:0', whose port '0'" },
        { DatabaseProvider.Postgres, "Host=h;Minimum Pool Size=10;Maximum Pool Size=5",
            "cannot be used by PostgreSQL's driver: Connection can't have 'Max Pool Size' 5 under 'Min Pool Size' 10" },
        { DatabaseProvider.Postgres, "Host=h;Maximum Pool Size=0", "has Maximum Pool Size below 1" },
        { DatabaseProvider.Sqlite, " ", "is empty: give a SQLite connection string such as Data Source=" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_refused_connection_string_is_one_sentence_naming_what_to_give(
        DatabaseProvider provider, string connectionString, string expected)
    {
        var result = new ConnectionStringValidation().Validate(null,
            new DatabaseOptions { Provider = provider, ConnectionString = connectionString });

        Assert.True(result.Failed, $"'{connectionString}' was accepted");
        var sentence = Assert.Single(result.Failures!);
        Assert.StartsWith("Setting Database:ConnectionString ", sentence, StringComparison.Ordinal);
        Assert.Contains(expected, sentence, StringComparison.Ordinal);
        Assert.DoesNotContain("Couldn't set", sentence, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", sentence, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", sentence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Postgres, "Host=db.example;Port=65535;Username=pq;Database=pq;Timeout=1024")]
    [InlineData(DatabaseProvider.Postgres, "Host=/var/run/postgresql;Username=pq;Database=pq")]
    [InlineData(DatabaseProvider.Postgres, "Host=db.example:5433,[::1]:5432,::1;Username=pq;Database=pq")]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=data/productquality.db;Cache=Shared")]
    public void A_good_connection_string_passes(DatabaseProvider provider, string connectionString) =>
        Assert.True(new ConnectionStringValidation().Validate(null,
            new DatabaseOptions { Provider = provider, ConnectionString = connectionString }).Succeeded);
}
