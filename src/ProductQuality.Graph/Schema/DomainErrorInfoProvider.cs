using GraphQL;
using GraphQL.Execution;

namespace ProductQuality.Graph.Schema;

/// <summary>
/// Puts a <see cref="DomainException"/>'s extra facts (the input field at fault, the current revision) beside its
/// code in <c>extensions</c>, where clients look for them, rather than nested under <c>extensions.data</c>.
/// </summary>
public sealed class DomainErrorInfoProvider(ErrorInfoProviderOptions options) : ErrorInfoProvider(options)
{
    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        if (executionError is DomainException { Extra.Count: > 0 } domain)
        {
            var extensions = info.Extensions ?? new Dictionary<string, object?>();
            foreach (var (key, value) in domain.Extra)
            {
                extensions[key] = value;
            }

            info.Extensions = extensions;
        }

        return info;
    }
}
