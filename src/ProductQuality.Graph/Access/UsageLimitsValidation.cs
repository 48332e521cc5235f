using Microsoft.Extensions.Options;

namespace ProductQuality.Graph.Access;

/// <summary>Checks every <c>Limits</c> of the access policy at start, naming the setting that is wrong.</summary>
public sealed class UsageLimitsValidation : IValidateOptions<AccessOptions>
{
    public ValidateOptionsResult Validate(string? name, AccessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = Problems("Access:Limits", options.Limits)
            .Concat(Problems("Access:Public:Limits", options.Public.Limits))
            .Concat(options.Departments.SelectMany(d => Problems($"Access:Departments:{d.Key}:Limits", d.Value.Limits)))
            .ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static IEnumerable<string> Problems(string path, UsageLimits? limits)
    {
        if (limits?.MaxCost is < 1)
        {
            yield return $"Setting {path}:MaxCost is {limits.MaxCost}, which is not allowed: it must be at least 1 "
                + "(estimated rows per operation).";
        }

        if (limits?.RequestsPerWindow is < 1)
        {
            yield return $"Setting {path}:RequestsPerWindow is {limits.RequestsPerWindow}, which is not allowed: it "
                + "must be at least 1.";
        }

        if (limits?.WindowSeconds is < 1 or > 86_400)
        {
            yield return $"Setting {path}:WindowSeconds is {limits.WindowSeconds}, which is not allowed: it must be "
                + "between 1 and 86400.";
        }

        if (limits?.MaxConcurrentRequests is < 1 or > 10_000)
        {
            yield return $"Setting {path}:MaxConcurrentRequests is {limits.MaxConcurrentRequests}, which is not "
                + "allowed: it must be between 1 and 10000 (requests executing at once).";
        }

        if (limits?.MaxQueuedRequests is < 0 or > 100_000)
        {
            yield return $"Setting {path}:MaxQueuedRequests is {limits.MaxQueuedRequests}, which is not allowed: it "
                + "must be between 0 and 100000 (0: none waits, the next is 429).";
        }
    }
}
