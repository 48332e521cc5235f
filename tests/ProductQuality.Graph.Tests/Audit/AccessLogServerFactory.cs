using Microsoft.AspNetCore.Hosting;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Audit;

/// <summary>
/// A server of its own for the access log's tests: its log holds only what they did, tax must declare a purpose,
/// and they may break and mend its log store. Over a temporary SQLite file.
/// </summary>
public sealed class AccessLogServerFactory : GraphServerFactory
{
    public const string PurposeRequiredDepartment = "tax";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting($"Access:Departments:{PurposeRequiredDepartment}:RequirePurpose", "true");
    }
}

[CollectionDefinition(Name)]
public sealed class AccessLogServerCollection : ICollectionFixture<AccessLogServerFactory>
{
    public const string Name = "access log server";
}
