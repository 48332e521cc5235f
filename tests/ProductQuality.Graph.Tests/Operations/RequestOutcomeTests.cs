using GraphQL;
using ProductQuality.Graph.Operations.Telemetry;

namespace ProductQuality.Graph.Tests.Operations;

/// <summary>
/// The metrics' outcome is the answer the caller got. A request that executed and was then refused 503 because its
/// access log entry could not be stored was counted "field_error" (or "ok") although its caller got no data (the
/// operations probe counted 74 such refusals as field errors during an outage).
/// </summary>
public sealed class RequestOutcomeTests
{
    [Theory]
    [InlineData(false, 503, Outcomes.Error)]
    [InlineData(true, 503, Outcomes.Error)]
    [InlineData(false, 200, Outcomes.Ok)]
    [InlineData(true, 200, Outcomes.FieldError)]
    public void An_executed_request_is_counted_by_the_status_it_ended_with(bool fieldError, int status, string outcome)
    {
        var result = new ExecutionResult { Executed = true, Data = new Dictionary<string, object?>() };
        if (fieldError)
        {
            result.AddError(new ExecutionError("a field failed") { Code = "DATABASE_UNAVAILABLE" });
        }

        var telemetry = new RequestTelemetry();
        telemetry.Completed(result);
        telemetry.Ended(status);

        Assert.Equal(outcome, telemetry.Outcome);
    }

    [Fact]
    public void A_refusal_keeps_the_kind_a_limit_gave_it()
    {
        var telemetry = new RequestTelemetry();
        telemetry.Refused(503, "SERVER_BUSY");
        var given = telemetry.Outcome;
        telemetry.Ended(503);
        Assert.Equal(given, telemetry.Outcome);
    }
}
