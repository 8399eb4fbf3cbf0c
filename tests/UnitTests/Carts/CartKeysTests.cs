using Cart.Api.Storage;
using Xunit;

namespace UnitTests.Carts;

public class CartKeysTests
{
    [Fact]
    public void Cart_partition_key_prefixes_the_cart_id() => Assert.Equal("CART#abc", CartKeys.CartPk("abc"));

    [Fact]
    public void Cart_header_lives_under_META() => Assert.Equal("META", CartKeys.Meta);

    [Fact]
    public void Item_sort_key_joins_sku_and_line_key() =>
        Assert.Equal("ITEM#SKU-1#color:Navy;size:M", CartKeys.ItemSk("SKU-1", "color:Navy;size:M"));

    [Fact]
    public void Pointer_keys_name_the_device_or_user_and_the_active_cart()
    {
        Assert.Equal("DEVICE#d1", CartKeys.DevicePk("d1"));
        Assert.Equal("USER#u1", CartKeys.UserPk("u1"));
        Assert.Equal("ACTIVE_CART", CartKeys.ActiveCart);
    }

    [Fact]
    public void Discount_lines_are_not_item_lines()
    {
        var discount = CartKeys.DiscountSk("SUMMER");

        Assert.Equal("ITEM#DISC#SUMMER", discount);
        Assert.True(CartKeys.IsDiscountSk(discount));
        Assert.False(CartKeys.IsItemSk(discount));
        Assert.Equal("SUMMER", CartKeys.PromoIdOf(discount));
    }

    [Fact]
    public void An_item_sort_key_splits_back_into_sku_and_line_key_even_when_values_contain_the_separator()
    {
        var sk = CartKeys.ItemSk("SKU-1", "engraving:A#1");

        Assert.True(CartKeys.IsItemSk(sk));
        Assert.Equal(("SKU-1", "engraving:A#1"), CartKeys.SplitLine(CartKeys.LineOf(sk)));
    }
}
