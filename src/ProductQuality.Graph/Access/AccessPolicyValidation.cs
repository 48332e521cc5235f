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
                yield return $"Setting Access:Departments:{id} names the department '{id}': a department id is 2 to " +
                    "63 lower-case letters, digits and dashes, not starting with a dash, and not 'public', 'full' or " +
                    $"'{AccessPolicy.EnterpriseContract}'.";
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
        else if (PublicContractProblem(options) is { } tooOpen)
        {
            yield return tooOpen;
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
        if (known.Length == 0)
        {
            // An appsettings.json of another program in the working folder left no contract to name ("one of .").
            return $"Setting {path}:Contract names a contract, but Access:Contracts defines none: run from the folder "
                + "that holds the server's appsettings.json (the build output's, or src/ProductQuality.Graph/), or "
                + "copy its Access:Contracts section into yours (appsettings.example.json only sketches it).";
        }

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

    /// <summary>
    /// Anonymous callers get a public contract only (ACCESS.md): never writes or the access log, never contacts,
    /// identities only through the published lists. Access:Public:Contract=regulator was accepted, and anyone without
    /// a token read phones, legal representatives and who asked what.
    /// </summary>
    private static string? PublicContractProblem(AccessOptions options)
    {
        var groups = options.Contracts[options.Public.Contract!].Groups;
        var tooOpen = PublicCeiling
            .Where(c => groups.TryGetValue(c.Group, out var access) && !c.Allowed.Contains(access))
            .Select(c => $"{c.Group} is {groups[c.Group]} (at most {c.Allowed[0]})")
            .ToList();
        return tooOpen.Count == 0
            ? null
            : $"Setting Access:Public:Contract is '{options.Public.Contract}', which anonymous callers may not have: "
              + $"{string.Join(", ", tooOpen)}. Give the public a contract within those (the shipped 'public').";
    }

    private static readonly (FieldGroup Group, FieldAccess[] Allowed)[] PublicCeiling =
    [
        (FieldGroup.Identity, [FieldAccess.Limited, FieldAccess.Hidden]),
        (FieldGroup.Contact, [FieldAccess.Hidden]),
        (FieldGroup.Audit, [FieldAccess.Hidden]),
        (FieldGroup.Write, [FieldAccess.Hidden]),
    ];

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,62}$")]
    private static partial Regex Id();

}
