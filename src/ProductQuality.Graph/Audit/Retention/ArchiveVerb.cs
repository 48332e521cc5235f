using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ProductQuality.Graph.Audit.Retention;

/// <summary>
/// <c>audit archive</c>: what the server's daily run does, once, now — with the same settings (retention days,
/// folder, batch size). Progress goes to standard error, the summary as JSON to standard output. Exit 0 done, 1
/// refused (the archive and the table do not fit together: nothing was removed), 2 retention off.
/// </summary>
internal static class ArchiveVerb
{
    public static async Task<int> RunAsync(IServiceProvider services, string folder)
    {
        var retention = services.GetRequiredService<IOptions<AccessLogOptions>>().Value.Retention;
        if (!retention.Enabled)
        {
            await Console.Error.WriteLineAsync("Retention is off (AccessLog:Retention:Days is 0): no entry expires. "
                + "Set the days to keep, e.g. --AccessLog:Retention:Days=365.");
            return 2;
        }

        var archiver = services.GetRequiredService<AccessLogArchiver>();
        var cutoff = archiver.CutoffUtc(retention.Days);
        ArchiveRunSummary run;
        try
        {
            run = await archiver.RunAsync(cutoff, folder, p => Console.Error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"archived entries {p.FirstSeq} to {p.LastSeq} to {p.File} ({p.Done:N0} of {p.Total:N0})")),
                CancellationToken.None);
        }
        catch (ArchiveException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }

        await Console.Error.WriteLineAsync(run.ToString());
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            archived = run.Entries,
            files = run.Files,
            bytes = run.Bytes,
            firstSeq = run.FirstSeq,
            lastSeq = run.LastSeq,
            recovered = run.Recovered,
            before = AccessChain.Timestamp(run.CutoffUtc),
            elapsedMs = (long)run.Elapsed.TotalMilliseconds,
        }));
        return 0;
    }
}
