using GraphQL.Types;
using ProductQuality.Graph.Access;

namespace ProductQuality.Graph.Schema;

/// <summary>
/// One initialized schema per contract, built once at start from the same type definitions. Building them
/// eagerly means a field without a field group, or any schema error, stops the server at start-up.
/// </summary>
public sealed class SchemaRegistry
{
    private readonly Dictionary<string, ISchema> _schemas;
    private readonly Dictionary<string, SchemaContract> _contracts;

    public SchemaRegistry(IServiceProvider services, IEnumerable<SchemaContract> contracts)
    {
        _contracts = contracts.ToDictionary(c => c.Name);
        var logged = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Audit.AccessLogOptions>>()
            .Value.Enabled;
        _schemas = _contracts.Values.ToDictionary(c => c.Name, c => (ISchema)Build(services, c, logged));
        Infrastructure.Http.Limits.ListSizeNames.ThrowIfUnknown(
            services.GetRequiredService<Microsoft.Extensions.Options.IOptions<
                Infrastructure.Http.Limits.QueryLimitsOptions>>().Value, _schemas.Values);
    }

    public IReadOnlyCollection<string> Contracts => _schemas.Keys;

    public SchemaContract Contract(string name) => _contracts[name];

    public ISchema For(SchemaContract contract) => _schemas[contract.Name];

    private static ProductQualitySchema Build(IServiceProvider services, SchemaContract contract, bool logged)
    {
        var schema = new ProductQualitySchema(new ContractServiceProvider(services, contract));
        schema.Initialize();
        IntrospectionFeatures.AnswerEmptyTypeNamesWithNull(schema);
        FieldGroupCheck.EnsureEveryFieldHasAGroup(schema);
        MaskingApplier.Apply(schema);
        if (logged)
        {
            Audit.AccessRecording.Apply(schema);
        }
        return schema;
    }
}
