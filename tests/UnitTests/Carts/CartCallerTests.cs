using Cart.Api.Model;
using Xunit;

namespace UnitTests.Carts;

public class CartCallerTests
{
    [Fact]
    public void A_guest_cart_belongs_to_its_device_only()
    {
        Assert.True(new CartCaller("dev", null).Owns("dev", null));
        Assert.True(new CartCaller("dev", "u1").Owns("dev", null));
        Assert.False(new CartCaller("other", null).Owns("dev", null));
    }

    [Fact]
    public void A_user_cart_belongs_to_its_user_whatever_the_device()
    {
        Assert.True(new CartCaller("other", "u1").Owns("dev", "u1"));
        Assert.False(new CartCaller("dev", "u2").Owns("dev", "u1"));
        Assert.False(new CartCaller("dev", null).Owns("dev", "u1"));
    }

    [Fact]
    public void A_request_without_cookie_or_token_owns_nothing()
    {
        var nobody = new CartCaller(null, null);

        Assert.False(nobody.Owns(null, null));
        Assert.Null(nobody.OwnerTag);
    }
}
