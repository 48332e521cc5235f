using Microsoft.Extensions.Options;
using ProductQuality.Graph.Infrastructure;

namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>
/// A configuration mistake ends the process with exit code 3 and words, never an unhandled exception.
/// </summary>
public sealed class StartupFailureTests
{
    [Fact]
    public async Task Invalid_settings_end_with_exit_code_3_instead_of_an_unhandled_exception()
    {
        var code = await StartupFailure.GuardAsync(() =>
            throw new OptionsValidationException("Access", typeof(object), ["Access:Departments is empty."]));

        Assert.Equal(StartupFailure.ExitCode, code);
    }

    [Fact]
    public async Task Other_failures_are_not_disguised_as_configuration_errors()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            StartupFailure.GuardAsync(() => throw new InvalidOperationException("bug")));
    }

    [Fact]
    public async Task A_clean_run_keeps_its_exit_code()
    {
        Assert.Equal(2, await StartupFailure.GuardAsync(() => Task.FromResult(2)));
    }
}
