using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ProductQuality.Graph.Access;

/// <summary>
/// Checks the access policy at start, before the database is touched, one sentence per setting: a department naming
/// no contract or an unknown one, a contract that does not state every field group, a malformed id or county.
/// </summary>
public sealed partial class AccessPolicyValidation : IValidateOptions<AccessOptions>
{
    public ValidateOptionsResult Validate(string? name, AccessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = Problems(options).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static IEnumerable<string> Problems(AccessOptions options)
    {
        if (options.Departments.Count == 0)
        {
            yield return "Access:Departments is empty: no department could read anything. " +
                "See appsettings.example.json.";
        }

        foreach (var (name, contract) in options.Contracts)
        {
            if (!Id().IsMatch(name) || name == SchemaContract.Full.Name)
            {
                yield return $"Setting Access:Contracts:{name}: a contract name is lower-case letters, digits and " +
                    $"dashes, and not '{SchemaContract.Full.Name}' (the full schema).";
            }

            var missing = Enum.GetValues<FieldGroup>()
                .Where(g => g != FieldGroup.Structure && !contract.Groups.ContainsKey(g)).ToList();
            if (missing.Count > 0)
            {
                yield return $"Setting Access:Contracts:{name}:Groups does not state {string.Join(", ", missing)}: " +
                    "give every field group Full, Masked, Limited or Hidden.";
            }
        }

        foreach (var (id, department) in options.Departments)
        {
            if (!Id().IsMatch(id) || id is AccessPolicy.PublicContract or "full" or AccessPolicy.EnterpriseContract)
            {
                yield return $"Access:Departments:{id}: a department id is lower-case letters, digits and dashes, " +
                    $"and not 'public', 'full' or '{AccessPolicy.EnterpriseContract}'.";
            }


            if (ContractProblem($"Access:Departments:{id}", department, options) is { } problem)
            {
                yield return problem;
            }

            if (department.County is not null && !Rules.Regions.JiaxingCounties.IsCounty(department.County))
            {
                yield return $"Access:Departments:{id}:County '{department.County}' is not a county of Jiaxing: " +
                    $"{Rules.Regions.JiaxingCounties.Described}.";
            }
        }

        if (ContractProblem("Access:Public", options.Public, options) is { } publicProblem)
        {
            yield return publicProblem;
        }

        if (options.Public.County is not null)
        {
            yield return "Setting Access:Public:County is not allowed: " +
                "the public reads the published lists, in no county.";
        }
    }

    private static string? ContractProblem(string path, DepartmentPolicy department, AccessOptions options)
    {
        var known = string.Join(", ", options.Contracts.Keys.Where(c => c != AccessPolicy.EnterpriseContract)
            .Order(StringComparer.Ordinal));
        if (string.IsNullOrWhiteSpace(department.Contract))
        {
            return $"Setting {path}:Contract is missing: name the contract it uses, one of {known}.";
        }

        if (department.Contract == AccessPolicy.EnterpriseContract)
        {
            return $"Setting {path}:Contract is '{AccessPolicy.EnterpriseContract}', which is not allowed: that " +
                $"contract is for enterprise tokens (token --enterprise) only; one of {known}.";
        }

        return options.Contracts.ContainsKey(department.Contract)
            ? null
            : $"Setting {path}:Contract is '{department.Contract}', which is not allowed: one of {known} " +
              "(the contracts under Access:Contracts).";
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,62}$")]
    private static partial Regex Id();

}
