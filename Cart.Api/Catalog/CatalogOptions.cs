using System.ComponentModel.DataAnnotations;
using Cart.Api.Model;
using Cart.Api.Storage;

namespace Cart.Api.Catalog;

/// <summary>
/// The catalog's settings (section <c>Carts:Catalog</c>). One catalog is priced in one currency: a category's price
/// index sorts by amount alone, which orders products only when every amount is in the same currency, so a price in
/// another currency is refused on write (422 on <c>currency</c>) and the seed is priced in this one. A shop that sells
/// in several currencies runs a catalog (a table) per currency, as it would a price list per market.
/// </summary>
internal sealed class CatalogOptions
{
    public const string SectionName = "Carts:Catalog";

    [Required]
    [ActiveCurrency]
    public string Currency { get; set; } = Money.DefaultCurrency;
}

[OptionsValidator]
internal sealed partial class CatalogOptionsValidator : IValidateOptions<CatalogOptions>;
