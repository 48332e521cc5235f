using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Data;

/// <summary>
/// A database's key is one key: servers asking for it at the same moment, before it exists, all get the one that
/// was stored (the change feed's cursors of one server must open on every other), on both providers.
/// </summary>
public abstract class DatabaseSecretsTests(TestServerFactory factory)
{
    [ProviderFact]
    public async Task Servers_asking_together_for_a_new_key_all_get_the_one_stored()
    {
        var name = $"test-{Guid.NewGuid():N}";
        Assert.False(await factory.DbAsync(db => db.DatabaseSecrets.AnyAsync(s => s.Name == name)));
        var asked = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            factory.DbAsync(db => DatabaseSecrets.GetOrCreateAsync(db, name, 32, TimeProvider.System, default)))));

        var stored = await factory.DbAsync(db => db.DatabaseSecrets.SingleAsync(s => s.Name == name));
        Assert.Equal(32, stored.Value.Length);
        Assert.All(asked, key => Assert.Equal(stored.Value, key));
        Assert.Equal(stored.Value,
            await factory.DbAsync(db => DatabaseSecrets.GetOrCreateAsync(db, name, 32, TimeProvider.System, default)));
    }
}

[Collection(ServerCollection.Name)]
public sealed class DatabaseSecretsOnSqliteTests(GraphServerFactory factory) : DatabaseSecretsTests(factory);

/// <summary>The same on PostgreSQL (skipped locally without PQG_TEST_POSTGRES; always run in CI).</summary>
[OnPostgres]
[Collection(ServerCollection.Name)]
public sealed class DatabaseSecretsOnPostgresTests(PostgresServerFactory factory) : DatabaseSecretsTests(factory);
