using ProductQuality.Graph.Infrastructure;

namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>
/// <c>dotnet run --project src/ProductQuality.Graph -- receipt verify kept.json</c>, typed where kept.json is, was
/// told it "does not exist": the Web SDK runs the program in the project's folder. A file named on the command line is
/// taken from the folder it was typed in (the shell's <c>PWD</c>) when the program runs in a project folder, and from
/// the working folder otherwise.
/// </summary>
public sealed class CallerFolderTests
{
    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public async Task A_file_named_under_dotnet_run_is_taken_from_the_folder_it_was_typed_in(bool inProjectFolder,
        bool found)
    {
        using var verb = new VerbProcess();
        var typedIn = Directory.CreateTempSubdirectory("pq-caller-").FullName;
        try
        {
            if (inProjectFolder)
            {
                await File.WriteAllTextAsync(Path.Combine(verb.Folder, "ProductQuality.Graph.csproj"), "<Project />");
            }

            await File.WriteAllTextAsync(Path.Combine(typedIn, "kept.json"), "not a receipt");
            verb.Environment["PWD"] = typedIn;

            var (exitCode, _, error) = await verb.RunAsync("receipt", "verify", "kept.json");

            Assert.Equal(2, exitCode);
            Assert.Equal(found, error.Contains(Path.Combine(typedIn, "kept.json"), StringComparison.Ordinal));
            Assert.Equal(!found, error.Contains("kept.json does not exist", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(typedIn, recursive: true);
        }
    }

    [Fact]
    public void Path_options_are_resolved_against_the_folder_typed_in_and_nothing_else()
    {
        var typedIn = Path.GetTempPath();
        string[] args = ["checkpoint", "--out", "head.json", "--archive", "old", "--Clock:Today=2026-01-01", "x.json"];

        var resolved = CallerFolder.ResolvePathOptions(args, typedIn);

        Assert.Equal(["checkpoint", "--out", Path.Combine(typedIn, "head.json"), "--archive",
            Path.Combine(typedIn, "old"), "--Clock:Today=2026-01-01", "x.json"], resolved);
        Assert.Equal("/abs/head.json", CallerFolder.Resolve("/abs/head.json", typedIn));
        Assert.Equal("head.json", CallerFolder.Resolve("head.json", Directory.GetCurrentDirectory()));
    }

    [Fact]
    public void The_shells_folder_counts_only_in_a_project_folder_and_when_it_exists()
    {
        var project = Directory.CreateTempSubdirectory("pq-project-").FullName;
        var elsewhere = Directory.CreateTempSubdirectory("pq-shell-").FullName;
        try
        {
            Assert.Equal(project, CallerFolder.Find(project, elsewhere));
            File.WriteAllText(Path.Combine(project, "ProductQuality.Graph.csproj"), "<Project />");
            Assert.Equal(elsewhere, CallerFolder.Find(project, elsewhere));
            Assert.Equal(project, CallerFolder.Find(project, null));
            Assert.Equal(project, CallerFolder.Find(project, "relative/folder"));
            Assert.Equal(project, CallerFolder.Find(project, Path.Combine(elsewhere, "gone")));
        }
        finally
        {
            Directory.Delete(project, recursive: true);
            Directory.Delete(elsewhere, recursive: true);
        }
    }
}
