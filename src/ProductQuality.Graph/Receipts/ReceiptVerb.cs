using System.Text.Json;
using ProductQuality.Graph.Infrastructure;

namespace ProductQuality.Graph.Receipts;

/// <summary>
/// <c>receipt verify FILE</c>: checks a kept receipt offline, with the keys of this configuration (current and
/// retired). FILE is JSON: <c>{"receipt": "…", "creditCodes": [ … ]}</c>, and optionally the <c>results</c> as
/// received, whose answers are then checked against the receipt too. Exit code 0 valid, 1 not valid, 2 unusable file.
/// </summary>
internal static class ReceiptVerb
{
    // Printed for people and scripts alike, not embedded in HTML: the default encoder wrote "receipt\u0027s" and
    // every 汉字 of a problem as \uXXXX. Quotes, backslashes and control characters are still escaped, as JSON needs.
    private static readonly JsonSerializerOptions Plain = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<int> RunAsync(string[] args)
    {
        // FILE is the word after verify, wherever the settings stand: 'receipt verify --Clock:Today=… r.json' was
        // told the setting was a file that does not exist.
        var at = CommandLine.Words(args).Skip(1).FirstOrDefault(-1);
        if (args.Length < 2 || args[0] != "verify" || at < 0)
        {
            // Bare 'receipt' was shown the usage alone, where 'audit' says what is missing: say it here too.
            await Console.Error.WriteLineAsync(args.Length == 0 || args[0].StartsWith('-')
                ? "'receipt' needs a sub-verb and a file: receipt verify FILE."
                : args[0] != "verify"
                    ? $"'receipt {Infrastructure.Quoted.Start(args[0])}' is not a receipt verb: use receipt verify "
                        + "FILE."
                    : "'receipt verify' needs the receipt file to check: receipt verify FILE.");
            await Console.Error.WriteLineAsync("Usage: receipt verify FILE (JSON with receipt, creditCodes, results).");
            return 2;
        }

        if (ReceiptFile.Read(CallerFolder.Resolve(args[at]), out var problem) is not { } file)
        {
            await Console.Error.WriteLineAsync(problem);
            return 2;
        }

        using var host = CommandLine.BuildHost([.. args[1..at], .. args[(at + 1)..]]);
        var (verdict, answersChecked, notCovered) = await CheckAsync(file, host.Services);
        var r = verdict.Receipt;
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            valid = verdict.Valid,
            problem = verdict.Problem,
            answersChecked,
            notCovered,
            checkId = r?.CheckId,
            checkedAt = r?.CheckedAt.UtcDateTime.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
            department = r?.Department,
            asOf = r?.AsOf?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            codeCount = r?.CodeCount,
            keyId = r?.KeyId,
        }, Plain));
        return verdict.Valid ? 0 : 1;
    }

    /// <summary>The verdict on a kept file, whether its results were compared with the receipt's answers, and the
    /// members they hold that nothing covers.</summary>
    internal static async Task<(ReceiptVerification Verdict, bool AnswersChecked, string[] NotCovered)> CheckAsync(
        ReceiptFile file, IServiceProvider services)
    {
        var verdict = await services.GetRequiredService<ReceiptSigner>().VerifyAsync(file.Receipt, file.Codes);
        // Whether the file's results were compared with the receipt's answers, whatever the comparison found: it said
        // false beside "the results … are not the answers" (the docs probe), which read as "not checked".
        var answersChecked = verdict is { Valid: true, Receipt: not null } && file.AnswersDigest is not null;
        if (verdict is { Valid: true, Receipt: { } stated } && file.AnswersDigest is { } answers
            && answers != stated.AnswersDigest)
        {
            verdict = ReceiptVerification.Refused("The codes match, but the results in the file are not the answers " +
                "the receipt states (their digest differs).", stated);
        }
        else if (verdict is { Valid: true, Receipt: { } receipt } && file.AnswersDigest is not null
            && (file.Mismatch ?? ContractProblem(services, file, receipt)) is { } wrong)
        {
            verdict = ReceiptVerification.Refused("The codes match, but the results are not as the server answered: "
                + wrong, receipt);
        }

        // Checked is not covered: a result's name (and problem) no digest covers, so an altered one still verifies.
        string[] notCovered = answersChecked
            ? [.. ReceiptFile.NotCovered.Where(m => file.Results.Any(r => r.Contains(m)))]
            : [];
        return (verdict, answersChecked, notCovered);
    }

    // A contract this configuration does not have (a receipt of another bureau) is not checked here.
    private static string? ContractProblem(IServiceProvider services, ReceiptFile file, CheckReceipt receipt) =>
        services.GetRequiredService<Access.AccessPolicy>().Contracts.FirstOrDefault(c => c.Name == receipt.Contract)
            is { } contract ? file.ContractProblem(contract) : null;
}
