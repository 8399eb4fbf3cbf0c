using Cart.Api.Contracts;
using Cart.Api.Storage;

namespace Cart.Api.Apis;

/// <summary><c>GET /delivery-slots?date=yyyy-MM-dd</c>: a day's delivery slots with the places left (anyone may read).</summary>
internal static class DeliverySlotsApi
{
    public static IEndpointRouteBuilder MapDeliverySlotsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/delivery-slots", ListAsync).WithTags("Delivery slots").WithName("ListDeliverySlots")
            .WithResponseExample(StatusCodes.Status200OK, SlotExamples.Day16).WithProblemExample(SlotExamples.NoDate);
        return app;
    }

    public static async Task<Results<Ok<SlotList>, ProblemHttpResult>> ListAsync(
        SlotStore slots, TimeProvider time, CancellationToken cancellationToken, string? date = null)
    {
        if (!SlotValidation.TryParseDate(date, out var day))
        {
            return ApiError.Validation(new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                ["date"] = [date is null ? "Required." : "Must be a day as yyyy-MM-dd."],
            }).ToResult();
        }

        var available = await slots.DayAsync(day, time.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(new SlotList(date!, [.. available.Select(SlotDocument.From)]));
    }
}
