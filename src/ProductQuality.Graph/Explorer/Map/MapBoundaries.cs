using System.Text.Json;
using Microsoft.Extensions.Options;
using ProductQuality.Graph.Infrastructure;

namespace ProductQuality.Graph.Explorer.Map;

/// <summary>
/// The configured boundary file, read and checked once at start (a bad file is a settings error, exit code 3, not a
/// blank map later) and then served from memory at <c>/map/boundaries.geojson</c>.
/// </summary>
internal sealed class MapBoundaries
{
    /// <summary>
    /// Large enough for every town of a province at a useful resolution; a file beyond it is a mistake.
    /// </summary>
    public const int MaxBytes = 50 * 1024 * 1024;

    public MapBoundaries(IOptions<MapOptions> options, IHostEnvironment environment)
    {
        var file = options.Value.BoundariesFile;
        if (!string.IsNullOrWhiteSpace(file))
        {
            // Checked at start (Problem): read as it was then.
            var (bytes, problem) = SettingFiles.Read(Path.GetFullPath(file, environment.ContentRootPath), MaxBytes,
                "give a GeoJSON file of at most that");
            Content = bytes ?? throw new InvalidOperationException($"Map:BoundariesFile {problem}.");
        }
    }

    /// <summary>The file's bytes; null when no boundary file is configured (the schematic layout).</summary>
    public byte[]? Content { get; }

    /// <summary>
    /// What is wrong with a boundary file, in words an operator can act on; null when it can be drawn.
    /// </summary>
    public static string? Problem(string path, string codeProperty)
    {
        var info = new FileInfo(path);
        if (Directory.Exists(path))
        {
            return "is a folder, not a file";
        }

        if (!info.Exists)
        {
            return "does not exist";
        }

        if (info.Length > MaxBytes)
        {
            return $"is {info.Length:N0} bytes; at most {MaxBytes:N0} (simplify the polygons)";
        }

        try
        {
            // Read with a bound in size and time: a device (/dev/zero) reports length 0 and never ends (the parser
            // read it until 2 GB overflowed), and a FIFO blocks until a writer comes.
            var (bytes, problem) = SettingFiles.Read(info.FullName, MaxBytes, "give a GeoJSON file of at most that");
            if (problem is not null)
            {
                return problem;
            }

            return ContentProblem(bytes!, codeProperty);
        }
        catch (ArgumentException e)
        {
            return $"is not valid JSON ({e.Message})";
        }
    }

    /// <summary>
    /// What is wrong with a boundary file's bytes (<see cref="Problem(string, string)"/> after the read); null when
    /// every feature can be drawn. No bytes make it throw: a parse failure is a sentence too.
    /// </summary>
    public static string? ContentProblem(ReadOnlyMemory<byte> bytes, string codeProperty)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            return BoundaryShape.Problem(document.RootElement, codeProperty);
        }
        catch (JsonException e)
        {
            // Said as a request body's is ("line 2, byte 17"), not in the parser's words for programmers
            // ("LineNumber: 1 | BytePositionInLine: 16", "Change the reader options").
            return $"is not valid JSON ({Infrastructure.Http.JsonIntake.Said(e)})";
        }
        catch (ArgumentException e)
        {
            return $"is not valid JSON ({e.Message})";
        }
    }
}
