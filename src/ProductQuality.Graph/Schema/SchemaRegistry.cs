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
        _schemas = [];
        var refusals = new List<string>();
        var full = new Lazy<ISchema>(() => Build(services, SchemaContract.Full, logged: false));
        foreach (var contract in _contracts.Values)
        {
            try
            {
                _schemas[contract.Name] = Build(services, contract, logged);
            }
            catch (Exception e) when (contract.Name != SchemaContract.Full.Name
                && EmptyTypeRefusal.TypesIn(e) is { Count: > 0 } empty)
            {
                // Every contract's, said as the other settings are (exit code 3), not the library's exception.
                refusals.AddRange(EmptyTypeRefusal.Sentences(contract, empty, full.Value));
            }
        }

        if (refusals.Count > 0)
        {
            throw new Microsoft.Extensions.Options.OptionsValidationException(
                AccessOptions.Section, typeof(AccessOptions), refusals);
        }

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
