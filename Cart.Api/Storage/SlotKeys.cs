using Cart.Api.Model;

namespace Cart.Api.Storage;

/// <summary>
/// The delivery slots' keys in the <c>carts</c> table: a day's partition (<c>SLOTS#&lt;date&gt;</c>) holds its slots
/// (<c>SLOT#&lt;slotId&gt;</c>) and their bookings (<c>BOOKING#&lt;slotId&gt;#&lt;cartId&gt;</c>, one per cart), so a
/// day's availability is one Query.
/// </summary>
internal static class SlotKeys
{
    private const string DayPrefix = CartsTableKeys.SlotDayPrefix;
    private const string SlotPrefix = CartsTableKeys.SlotPrefix;
    private const string BookingPrefix = CartsTableKeys.BookingPrefix;

    public static string DayPk(DateOnly date) => DayPrefix + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string SlotSk(SlotId slot) => SlotPrefix + slot;

    public static string BookingSk(SlotId slot, string cartId) => $"{BookingPrefix}{slot}#{cartId}";

    /// <summary>The prefix of every booking of <paramref name="slot"/>.</summary>
    public static string BookingsOf(SlotId slot) => $"{BookingPrefix}{slot}#";

    public static bool IsSlotSk(string sk) => sk.StartsWith(SlotPrefix, StringComparison.Ordinal);

    public static bool IsBookingSk(string sk) => sk.StartsWith(BookingPrefix, StringComparison.Ordinal);
}
