namespace Cart.Api.Model;

/// <summary>The development delivery slots: the next two weeks, windows from 08:00 to 20:00 UTC, 20 places each.</summary>
internal static class SlotSeed
{
    public const int Days = 14;
    public const int Capacity = 20;

    private static readonly TimeOnly FirstStart = new(8, 0);
    private static readonly TimeOnly LastEnd = new(20, 0);

    public static IEnumerable<DeliverySlot> Slots(DateOnly today, TimeSpan window, string now)
    {
        for (var day = 0; day < Days; day++)
        {
            for (var start = FirstStart; start.Add(window) <= LastEnd && start >= FirstStart; start = start.Add(window))
            {
                var id = new SlotId(today.AddDays(day), start);
                yield return new DeliverySlot(id, id.StartsAt.ToUtcTimestamp(), (id.StartsAt + window).ToUtcTimestamp(), Capacity, 0);
            }
        }
    }
}
