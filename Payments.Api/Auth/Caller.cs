using System.Security.Claims;
using Idempotency;
using ServiceDefaults.Authentication;

namespace Payments.Api.Auth;

/// <summary>Who is calling: the <c>sub</c> of a validated bearer token, and where their idempotency records live.</summary>
internal static class Caller
{
    /// <summary>The policy every Payments.Api endpoint requires: a validated token that names a user.</summary>
    public const string SignedInPolicy = "signed-in-user";

    /// <summary>The claim a merchant's token carries to see every payment made to that merchant.</summary>
    public const string MerchantClaim = "merchant_id";

    public static void AddSignedInPolicy(this IHostApplicationBuilder builder) =>
        builder.Services.AddAuthorizationBuilder().AddPolicy(SignedInPolicy, policy => policy.RequireSignedInUser());

    /// <summary>The signed-in user's id; the <see cref="SignedInPolicy"/> guarantees it is there.</summary>
    public static string Id(this ClaimsPrincipal user) =>
        user.GetUserId() ?? throw new InvalidOperationException("The endpoint ran without a signed-in user; is it missing RequireAuthorization?");

    /// <summary>The caller's idempotency record: <c>IDEMPOTENCY#&lt;length&gt;:&lt;userId&gt;#&lt;key&gt;</c> / <c>METADATA</c>.</summary>
    public static IdempotencyScope? IdempotencyScope(HttpContext http, IdempotencyKey key) =>
        http.User.GetUserId() is { } userId
            ? new IdempotencyScope(
                http.RequestServices.GetRequiredService<PaymentsTableName>().Value,
                PaymentKeys.Idempotency(userId, key),
                PaymentKeys.Metadata)
            : null;

    /// <summary>
    /// Makes an endpoint honour Idempotency-Key in the caller's scope. Ledger operations (one transaction that carries
    /// the key's record) take the key with that transaction; the others claim it before they run.
    /// </summary>
    public static RouteHandlerBuilder WithCallerIdempotency(this RouteHandlerBuilder endpoint, bool required, KeyClaim claim = KeyClaim.BeforeHandler) =>
        endpoint.WithIdempotency(IdempotencyScope, required, claim);
}
