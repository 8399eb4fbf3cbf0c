using Cart.Api.Contracts;
using Cart.Api.Model;
using Cart.Api.Storage;
using Idempotency;
namespace Cart.Api.Apis;

/// <summary>Development-only slot administration: create a slot or change its capacity.</summary>
internal static class SlotAdminApi
{
    public static RouteGroupBuilder MapSlotAdmin(this RouteGroupBuilder admin)
    {
        admin.MapPut("/delivery-slots/{slotId}", SetAsync).WithName("SetDeliverySlot").WithIdempotency(CartsApi.UserScope)
            .WithRequestExample(SlotExamples.Capacity).WithResponseExample(StatusCodes.Status200OK, SlotExamples.Set);
        return admin;
    }

    public static async Task<Results<Ok<SlotDocument>, ProblemHttpResult>> SetAsync(
        string slotId, SlotCapacityRequest request, SlotStore slots, TimeProvider time, IOptions<CartOptions> options, CancellationToken cancellationToken)
    {
        var capacity = SlotValidation.Capacity(request);
        if (!capacity.Succeeded)
        {
            return capacity.Error.ToResult();
        }

        if (!SlotId.TryParse(slotId, out var slot))
        {
            return ApiError.NotFound("Not a delivery slot id (yyyy-MM-dd-HHmm).").ToResult();
        }

        var set = await slots.SetAsync(slot, options.Value.DeliverySlotLength, capacity.Value, time.GetUtcTimestamp(), cancellationToken);
        var bookedNow = await slots.DayAsync(slot.Date, time.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(SlotDocument.From(bookedNow.Single(available => available.Slot.Id == set.Id)));
    }
}
