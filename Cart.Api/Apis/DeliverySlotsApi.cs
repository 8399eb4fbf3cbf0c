using Cart.Api.Contracts;
using Cart.Api.Storage;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Cart.Api.Apis;

/// <summary><c>GET /delivery-slots?date=yyyy-MM-dd</c>: a day's delivery slots with the places left (anyone may read).</summary>
internal static class DeliverySlotsApi
{
    public static IEndpointRouteBuilder MapDeliverySlotsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/delivery-slots", ListAsync).WithTags("Delivery slots").WithName("ListDeliverySlots")
            .WithResponseExample(StatusCodes.Status200OK, SlotExamples.Day16).WithProblemExample(SlotExamples.NoDate)
            .AddOpenApiOperationTransformer(DateIsRequired);
        return app;
    }

    /// <summary>
    /// The day is required: bound as optional only so that a missing one is the 422 the problem example shows, not
    /// the binder's 400; the document says what a client must send.
    /// </summary>
    private static Task DateIsRequired(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var date in operation.Parameters?.OfType<OpenApiParameter>().Where(parameter => parameter.Name == "date") ?? [])
        {
            date.Required = true;
        }

        return Task.CompletedTask;
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
