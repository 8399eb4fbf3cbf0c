using Cart.Api.Model;
using Xunit;

namespace UnitTests.Carts;

public class ItemIdTests
{
    [Fact]
    public void Item_id_round_trips_to_the_sku_and_line_key()
    {
        var itemId = ItemId.From("SKU-1", "color:Navy;size:M");

        Assert.Equal(("SKU-1", "color:Navy;size:M"), ItemId.TryParse(itemId));
    }

    [Fact]
    public void Item_id_is_url_safe()
    {
        var itemId = ItemId.From("SKU-1", "note:ä/ö?+=");

        Assert.Matches("^[A-Za-z0-9_-]+$", itemId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("Zm9v")] // "foo": no line key
    public void Foreign_item_ids_are_rejected(string itemId) => Assert.Null(ItemId.TryParse(itemId));
}
