using Npgsql;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Tests.Store;

/// <summary>Scrutiny:Store:MaxPoolSize bounds a node's PostgreSQL pool unless the connection string says otherwise.</summary>
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

    private static int PoolOf(StoreOptions options) => new NpgsqlConnectionStringBuilder(options.ConnectionString).MaxPoolSize;
}
