using Microsoft.Extensions.Options;

namespace ProductQuality.Graph.Access;

/// <summary>
/// The policy, checked once at start: the contracts (one schema each, plus the full one), and each department with
/// the contract it uses and its row scope. A department id that is not here gets nothing.
/// </summary>
public sealed class AccessPolicy
{
    public const string PublicContract = "public";

    /// <summary>The contract of enterprise tokens, and the department their log entries name.</summary>
    public const string EnterpriseContract = "enterprise-self";

    private readonly Dictionary<string, Audience> _audiences;
    private readonly Dictionary<string, string?> _names;
    private readonly Dictionary<string, SchemaContract> _contracts;

    public AccessPolicy(IOptions<AccessOptions> options)
    {
        var value = options.Value;
        if (new AccessPolicyValidation().Validate(null, value) is { Failed: true } invalid)
        {
            throw new OptionsValidationException(AccessOptions.Section, typeof(AccessOptions), invalid.Failures);
        }

        // One contract object per name, shared by every department that uses it: schemas and cached documents
        // are keyed by it, so departments of one contract share both.
        _contracts = value.Contracts.ToDictionary(
            c => c.Key, c => new SchemaContract(c.Key, c.Value.Groups), StringComparer.Ordinal);
        _audiences = value.Departments.ToDictionary(
            d => d.Key,
            d => new Audience(d.Key, _contracts[d.Value.Contract!], RowsOf(d.Value))
            {
                PurposeRequired = d.Value.RequirePurpose,
            },
            StringComparer.Ordinal);
        Public = new Audience(null, _contracts[value.Public.Contract!], RowScope.PublishedLists)
        {
            PurposeRequired = value.Public.RequirePurpose,
        };
        _names = value.Departments.ToDictionary(d => d.Key, d => d.Value.Name, StringComparer.Ordinal);
        _names[EnterpriseContract] = value.Contracts.GetValueOrDefault(EnterpriseContract)?.Name;
    }

    public Audience Public { get; }

    /// <summary>Every configured contract, and the full one that schema/schema.graphql prints.</summary>
    public IEnumerable<SchemaContract> Contracts => _contracts.Values.Append(SchemaContract.Full);

    public IReadOnlyCollection<string> Departments => _audiences.Keys;

    public Audience? ForDepartment(string department) => _audiences.GetValueOrDefault(department);

    /// <summary>
    /// The audience of an enterprise token: the enterprise contract, rows of that one enterprise; null when the
    /// policy has no <see cref="EnterpriseContract"/>.
    /// </summary>
    public Audience? ForEnterprise(string creditCode) =>
        _contracts.TryGetValue(EnterpriseContract, out var contract)
            ? new Audience(EnterpriseContract, contract, RowScope.OfEnterprise(creditCode)) { Subject = creditCode }
            : null;

    /// <summary>The configured name of a department (or of the enterprise audience), for readers of the log.</summary>
    public string? NameOf(string? department) => department is null ? null : _names.GetValueOrDefault(department);

    private static RowScope RowsOf(DepartmentPolicy department) =>
        department.County is { } county ? RowScope.OfCounty(county) : RowScope.City;
}
