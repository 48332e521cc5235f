using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ProductQuality.Graph.Operations.Telemetry;

/// <summary>
/// Turns the caller-chosen operation name into a metric label from a bounded set: each department's first
/// <see cref="TelemetryOptions.MaxOperationNamesPerDepartment"/> distinct names are kept as sent (GraphQL names are
/// plain identifiers; longer than 64 characters counts as other), later ones are <c>(other)</c>, an unnamed
/// operation is <c>(anonymous)</c>. Per department, so the public cannot crowd out a partner's names. Variables and
/// documents never become labels.
/// </summary>
public sealed class OperationNames(IOptions<TelemetryOptions> options)
{
    public const string Anonymous = "(anonymous)";
    public const string Other = "(other)";
    private const int MaxLength = 64;

    private readonly int _limit = options.Value.MaxOperationNamesPerDepartment;
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _kept =
        new(StringComparer.Ordinal);

    public string Label(string department, string? operationName)
    {
        if (string.IsNullOrEmpty(operationName))
        {
            return Anonymous;
        }

        if (operationName.Length > MaxLength)
        {
            return Other;
        }

        var kept = _kept.GetOrAdd(department, _ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal));
        if (kept.ContainsKey(operationName))
        {
            return operationName;
        }

        lock (kept)
        {
            return kept.Count < _limit && kept.TryAdd(operationName, 0) ? operationName : Other;
        }
    }
}
