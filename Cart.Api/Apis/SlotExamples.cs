using Cart.Api.Contracts;
using Cart.Api.Model;

namespace Cart.Api.Apis;

/// <summary>The examples the delivery slots' operations show, built from the contract's records: a seeded day's first two windows.</summary>
internal static class SlotExamples
{
    private const string Day = "2026-01-16";

    public static readonly SlotList Day16 = new(Day,
    [
        new SlotDocument($"{Day}-0800", $"{Day}T08:00:00.000Z", $"{Day}T10:00:00.000Z", Capacity: 20, Remaining: 17),
        new SlotDocument($"{Day}-1000", $"{Day}T10:00:00.000Z", $"{Day}T12:00:00.000Z", Capacity: 20, Remaining: 20),
    ]);

    public static readonly SlotCapacityRequest Capacity = new(30);

    public static readonly SlotDocument Set = new($"{Day}-0800", $"{Day}T08:00:00.000Z", $"{Day}T10:00:00.000Z", Capacity: 30, Remaining: 27);

    public static readonly ApiError NoDate = ApiError.Validation(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["date"] = ["Must be a day as yyyy-MM-dd."] });
}
