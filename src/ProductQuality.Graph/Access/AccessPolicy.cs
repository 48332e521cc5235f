using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ProductQuality.Graph.Access;

/// <summary>
/// The policy, checked once at start: one contract (and so one schema) per department, plus the public one.
/// A department id that is not here gets nothing.
/// </summary>
public sealed partial class AccessPolicy
{
    public const string PublicContract = "public";
    private readonly Dictionary<string, Audience> _audiences;

    public AccessPolicy(IOptions<AccessOptions> options)
    {
        var value = options.Value;
        var problems = Problems(value).ToList();
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(AccessOptions.Section, typeof(AccessOptions), problems);
        }

        _audiences = value.Departments.ToDictionary(
            d => d.Key,
            d => new Audience(d.Key, new SchemaContract(d.Key, d.Value.Groups), d.Value.County),
            StringComparer.Ordinal);
        Public = new Audience(null, new SchemaContract(PublicContract, value.Public.Groups), null);
    }

    public Audience Public { get; }

    public IEnumerable<SchemaContract> Contracts => _audiences.Values.Select(a => a.Contract).Append(Public.Contract).Append(SchemaContract.Full);

    public IReadOnlyCollection<string> Departments => _audiences.Keys;

    public Audience? ForDepartment(string department) => _audiences.GetValueOrDefault(department);

    private static IEnumerable<string> Problems(AccessOptions options)
    {
        if (options.Departments.Count == 0)
        {
            yield return "Access:Departments is empty: no department could read anything. See appsettings.example.json.";
        }

        foreach (var (id, policy) in options.Departments)
        {
            if (!DepartmentId().IsMatch(id) || id is PublicContract or "full")
            {
                yield return $"Access:Departments:{id}: a department id is lower-case letters, digits and dashes, and not 'public' or 'full'.";
            }

            if (policy.County is not null && !CountyCode().IsMatch(policy.County))
            {
                yield return $"Access:Departments:{id}:County '{policy.County}' is not a Jiaxing county code (3304xx).";
            }
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,62}$")]
    private static partial Regex DepartmentId();

    [GeneratedRegex("^3304[0-9]{2}$")]
    private static partial Regex CountyCode();
}
