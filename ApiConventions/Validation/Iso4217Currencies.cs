using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace ApiConventions.Validation;

/// <summary>
/// The ISO 4217 currencies money may be in (DESIGN §3): every active code of ISO 4217 list one that has a minor unit
/// and is not a fund.
/// </summary>
/// <remarks>
/// <para>
/// Source: ISO 4217 as amended, list one ("current currency &amp; funds") as published by SIX on 2025-05-12 (155 of its
/// 179 codes), less BGN: Bulgaria adopted the euro on 2026-01-01 and the lev's dual circulation ended on 2026-01-31.
/// Withdrawn earlier and so absent: ANG (replaced by XCG), CUC, HRK, SLL, ZWL (replaced by ZWG).
/// </para>
/// <para>
/// Left out on purpose, because money here is an integer of minor units of something a shopper pays in: the codes
/// list one gives no minor unit ("N.A."), i.e. the precious metals XAU, XAG, XPT, XPD, the testing code XTS and "no
/// currency" XXX, and the units of account XDR, XAD, XSU, XUA and XBA–XBD; and the funds, units for financial
/// instruments rather than payments: BOV, CHE, CHW, CLF, COU, MXV, USN, UYI, UYW.
/// </para>
/// <para>
/// Not .NET's <c>RegionInfo.ISOCurrencySymbol</c>: the services run with <c>InvariantGlobalization</c>, where
/// <c>new RegionInfo("US")</c> throws and the only region (invariant) reports XDR; with ICU the answer would depend on
/// the ICU version of each machine, and there is no API listing every currency anyway.
/// </para>
/// <para>
/// To update: when SIX publishes an amendment (https://www.six-group.com/en/products-services/financial-information/data-standards.html,
/// file list-one.xml), add a new code once it is in list one, remove one on its withdrawal date, and change the date
/// above. A removed code is refused wherever a request names it (accounts, carts, prices, payments, deposits); what is
/// stored keeps it.
/// </para>
/// </remarks>
public static class Iso4217Currencies
{
    /// <summary>The codes, upper case, matched as whole strings (ordinal).</summary>
    public static readonly FrozenSet<string> Active = FrozenSet.Create(StringComparer.Ordinal,
    [
        "AED", "AFN", "ALL", "AMD", "AOA", "ARS", "AUD", "AWG", "AZN",
        "BAM", "BBD", "BDT", "BHD", "BIF", "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD",
        "CAD", "CDF", "CHF", "CLP", "CNY", "COP", "CRC", "CUP", "CVE", "CZK",
        "DJF", "DKK", "DOP", "DZD",
        "EGP", "ERN", "ETB", "EUR",
        "FJD", "FKP",
        "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD",
        "HKD", "HNL", "HTG", "HUF",
        "IDR", "ILS", "INR", "IQD", "IRR", "ISK",
        "JMD", "JOD", "JPY",
        "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT",
        "LAK", "LBP", "LKR", "LRD", "LSL", "LYD",
        "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MYR", "MZN",
        "NAD", "NGN", "NIO", "NOK", "NPR", "NZD",
        "OMR",
        "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG",
        "QAR",
        "RON", "RSD", "RUB", "RWF",
        "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL",
        "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS",
        "UAH", "UGX", "USD", "UYU", "UZS",
        "VED", "VES", "VND", "VUV",
        "WST",
        "XAF", "XCD", "XCG", "XOF", "XPF",
        "YER",
        "ZAR", "ZMW", "ZWG",
    ]);

    /// <summary>What a refused currency is told.</summary>
    public const string Rule = "Must be an active ISO 4217 currency code in upper case, such as EUR or USD.";

    /// <summary>True when <paramref name="code"/> is exactly one of the <see cref="Active"/> codes.</summary>
    public static bool IsActive([NotNullWhen(true)] string? code) => code is not null && Active.Contains(code);
}
