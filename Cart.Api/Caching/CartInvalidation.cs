using Cart.Api.Model;

namespace Cart.Api.Caching;

/// <summary>
/// A message on the invalidation channel: <c>&lt;cartId&gt;:&lt;version&gt;</c>, and when Cart.Api announced it,
/// <c>:&lt;sequence&gt;</c> — the channel's sequence number, drawn in the same Redis script that wrote the cart through
/// and published the message, so a gap in the numbers a replica receives proves it lost a message. The events
/// worker announces changes it saw in the stream without a sequence number (<c>Events.Worker</c>'s <c>EventMapper</c>).
/// </summary>
internal sealed record CartInvalidation(string CartId, long Version, long? Sequence)
{
    /// <summary>The message in <paramref name="text"/>, or null when it is not one.</summary>
    public static CartInvalidation? Parse(string? text)
    {
        var parts = (text ?? string.Empty).Split(':');
        if (parts.Length is < 2 or > 3 || !CartIds.IsWellFormed(parts[0]) || !TryNumber(parts[1], out var version))
        {
            return null;
        }

        if (parts.Length == 2)
        {
            return new CartInvalidation(parts[0], version, null);
        }

        return TryNumber(parts[2], out var sequence) ? new CartInvalidation(parts[0], version, sequence) : null;
    }

    private static bool TryNumber(string text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
