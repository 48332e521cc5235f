using Microsoft.Extensions.Options;
using ProductQuality.Graph.Infrastructure;

namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>
/// A start-up sentence quotes the value an operator gave, and a value can be anything: a long one is quoted by its
/// start and length, while the words between two short quotes are not mistaken for one (the encoding refusal lost
/// its CREATE DATABASE statement that way).
/// </summary>
public sealed class StartupSentenceTests
{
    [Fact]
    public void A_long_value_is_quoted_by_its_start_and_length()
    {
        var value = new string('长', 100_000);
        var sentence = Single($"Setting Rules:Supervision:QmsAuditFromClass is '{value}', which is not allowed: one "
            + "of AA, A, B, C.");

        Assert.StartsWith("Setting Rules:Supervision:QmsAuditFromClass is '长长", sentence, StringComparison.Ordinal);
        Assert.Contains("…' (100,000 characters), which is not allowed: one of AA, A, B, C.", sentence,
            StringComparison.Ordinal);
        Assert.True(sentence.Length < 300, sentence);
    }

    [Fact]
    public void Words_between_two_short_quotes_are_kept()
    {
        var words = string.Concat(Enumerable.Repeat("words between the quotes ", 10));
        var text = $"The database 'pq' stores text as SQL_ASCII; {words}e.g. ENCODING 'UTF8'; then start again.";

        Assert.EndsWith(text, Single(text), StringComparison.Ordinal);
    }

    /// <summary>
    /// A statement PostgreSQL refused while the database was brought up to date is not "could not be opened" (the
    /// deployment probe read that for servers racing to migrate one database); a connection problem still is.
    /// </summary>
    [Theory]
    [InlineData(Npgsql.PostgresErrorCodes.DuplicateTable, "refused a statement")]
    [InlineData(Npgsql.PostgresErrorCodes.UniqueViolation, "refused a statement")]
    [InlineData(Npgsql.PostgresErrorCodes.InvalidPassword, "could not be opened")]
    [InlineData(Npgsql.PostgresErrorCodes.InvalidCatalogName, "could not be opened")]
    [InlineData(Npgsql.PostgresErrorCodes.TooManyConnections, "could not be opened")]
    [InlineData(Npgsql.PostgresErrorCodes.InsufficientPrivilege, "refused this server's user a right it needs")]
    public void A_refused_statement_is_told_from_a_database_that_cannot_be_opened(string sqlState, string said)
    {
        var failure = new InvalidOperationException("start-up",
            new Npgsql.PostgresException("relation \"X\" already exists\n\nPOSITION: 28", "ERROR", "ERROR", sqlState));
        var sentence = Assert.Single(StartupFailure.Sentences(failure)!);
        Assert.Contains(said, sentence, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", sentence, StringComparison.Ordinal);
    }

    /// <summary>
    /// A verb whose statement waited past its timeout behind psql's table lock was told the database "could not be
    /// opened" and to check the connection string (the PostgreSQL probe); a connection that timed out still is.
    /// </summary>
    [Theory]
    [InlineData("Exception while reading from stream", "did not answer a statement in time")]
    [InlineData("Failed to connect to 10.0.0.1:5432", "could not be opened")]
    public void A_statement_that_timed_out_is_told_from_a_database_that_cannot_be_opened(string message, string said)
    {
        var failure = new InvalidOperationException("start-up",
            new Npgsql.NpgsqlException(message, new TimeoutException("Timeout during reading attempt")));
        var sentence = Assert.Single(StartupFailure.Sentences(failure)!);
        Assert.Contains(said, sentence, StringComparison.Ordinal);
    }

    private static string Single(string failure) => Assert.Single(
        StartupFailure.Sentences(new OptionsValidationException("x", typeof(object), [failure]))!);
}
