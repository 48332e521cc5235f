using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;

namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>
/// Every setting with a range, set outside it, is named with the value that was set and the range: the data
/// annotations' own sentence ("The field MaxPageSize must be between 1 and 10000.") left the operator to find which
/// of several places had set what. A section at a time, in one start each: the server reports all of a section's.
/// </summary>
public sealed class RangeSettingsTests
{
    [Fact]
    public async Task Every_ranged_setting_out_of_range_is_named_with_its_value_and_range()
    {
        var settings = RangedSettings().ToList();
        Assert.True(settings.Count >= 30, $"found only {settings.Count} ranged settings");

        // A section at a time: some sections are read while the server is composed, and the first failing one stops
        // the start before the others are validated.
        foreach (var section in settings.GroupBy(s => s.Section))
        {
            using var process = new VerbProcess { Timeout = TimeSpan.FromSeconds(90) };
            var (code, _, error) = await process.RunAsync(
                [.. section.Select(s => $"--{s.Path}={s.Outside.ToString(CultureInfo.InvariantCulture)}")]);

            Assert.True(code == 3, $"exit {code}: {error}");
            var lines = error.Split('\n');
            foreach (var (_, path, outside, range) in section)
            {
                var said = $"Setting {path} is {outside.ToString(CultureInfo.InvariantCulture)}, which is not "
                    + $"allowed: it must be between {range.Minimum} and {range.Maximum}.";
                Assert.Contains(said, lines);
            }
        }
    }

    /// <summary>
    /// The ranged properties of every options class the server binds (a class naming its section in a Section
    /// constant), each with a value just outside its range.
    /// </summary>
    private static IEnumerable<(string Section, string Path, long Outside, RangeAttribute Range)> RangedSettings()
    {
        foreach (var type in typeof(Program).Assembly.GetTypes())
        {
            var ranged = type.GetProperties().Where(p => p.GetCustomAttribute<RangeAttribute>() is not null).ToList();
            if (ranged.Count == 0)
            {
                continue;
            }

            // An annotated class no section binds is validated by nobody: its ranges would hold nothing back.
            var section = type.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue()
                as string;
            Assert.True(section is not null, $"{type.Name} has ranges but no Section: who validates them?");
            foreach (var property in ranged)
            {
                var range = property.GetCustomAttribute<RangeAttribute>()!;
                var below = Convert.ToInt64(range.Minimum, CultureInfo.InvariantCulture) - 1;
                yield return (section!, $"{section}:{property.Name}", below, range);
            }
        }
    }
}
