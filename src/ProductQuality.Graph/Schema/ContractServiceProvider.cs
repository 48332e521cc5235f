using GraphQL.Types;
using ProductQuality.Graph.Access;

namespace ProductQuality.Graph.Schema;

/// <summary>
/// The service provider a contract's schema builds its types from: every graph type is a fresh instance that
/// receives the contract, so each department's schema holds only the fields it may see.
/// </summary>
internal sealed class ContractServiceProvider(IServiceProvider inner, SchemaContract contract) : IServiceProvider
{
    public object? GetService(Type serviceType)
    {
        if (serviceType == typeof(SchemaContract))
        {
            return contract;
        }

        return typeof(IGraphType).IsAssignableFrom(serviceType) && !serviceType.IsAbstract && !serviceType.IsInterface
            ? ActivatorUtilities.CreateInstance(this, serviceType)
            : inner.GetService(serviceType);
    }
}
