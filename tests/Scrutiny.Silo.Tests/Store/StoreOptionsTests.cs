using Dapper;
using Npgsql;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Store;

/// <summary>
/// Scrutiny:Store:MaxPoolSize bounds a node's PostgreSQL pool unless the connection string says otherwise; pooled
/// connections are reused without a reset unless the connection string asks for one.
/// </summary>
public sealed class StoreOptionsTests
{
    private const string Server = "Host=db.example.org;Database=scrutiny;Username=scrutiny;Password=secret";

    [Fact]
    public void The_setting_sizes_the_pool_when_the_connection_string_does_not()
    {
        Assert.Equal(StoreOptions.DefaultMaxPoolSize, PoolOf(StoreOptions.From(Server, "/")));
        Assert.Equal(7, PoolOf(StoreOptions.From(Server, "/", maxPoolSize: 7)));
    }

    [Theory]
    [InlineData("Maximum Pool Size=50")]
    [InlineData("MaxPoolSize=50")]
    [InlineData("maximum pool size=50")]
    public void A_pool_size_in_the_connection_string_wins(string setting) =>
        Assert.Equal(50, PoolOf(StoreOptions.From($"{Server};{setting}", "/", maxPoolSize: 7)));

    [Fact]
    public void A_pool_of_no_connections_is_refused_by_name() =>
        Assert.Contains(StoreOptions.MaxPoolSizeSetting, Assert.Throws<InvalidOperationException>(() => StoreOptions.From(Server, "/", maxPoolSize: 0)).Message);

    [Theory]
    [InlineData("", true)]
    [InlineData(";No Reset On Close=false", false)]
    [InlineData(";noresetonclose=false", false)]
    public void A_pooled_connection_is_reused_without_a_reset_unless_the_connection_string_asks(string setting, bool expected) =>
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(StoreOptions.From(Server + setting, "/").ConnectionString).NoResetOnClose);

    [Fact]
    public async Task A_connection_given_back_mid_transaction_keeps_nothing_of_it_for_its_next_use()
    {
        await using var test = await TestDatabase.CreateAsync(StoreEngine.Postgres);
        await using var database = new Database(StoreOptions.From(test.ConnectionString, "/"));
        int backend;
        await using (var connection = await database.OpenAsync())
        {
            await connection.ExecuteAsync("CREATE TABLE kept (n int)");
            backend = await connection.ExecuteScalarAsync<int>("SELECT pg_backend_pid()");
            var transaction = await connection.BeginTransactionAsync();
            await connection.ExecuteAsync("INSERT INTO kept VALUES (1)", transaction: transaction);
        }
        await using (var again = await database.OpenAsync())
        {
            // The same server session, taken from the pool without DISCARD ALL: its transaction was rolled back all the same
            // (still open, it would show this session its own row).
            Assert.Equal(backend, await again.ExecuteScalarAsync<int>("SELECT pg_backend_pid()"));
            Assert.Equal(0, await again.ExecuteScalarAsync<int>("SELECT count(*) FROM kept"));
        }
    }

    private static int PoolOf(StoreOptions options) => new NpgsqlConnectionStringBuilder(options.ConnectionString).MaxPoolSize;
}
