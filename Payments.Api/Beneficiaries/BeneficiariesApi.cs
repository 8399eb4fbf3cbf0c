namespace Payments.Api.Beneficiaries;

/// <summary>The signed-in user's beneficiaries: <c>/users/me/beneficiaries</c> (create, list, read, replace, delete; ETag + If-Match).</summary>
internal static class BeneficiariesApi
{
    public static IEndpointRouteBuilder MapBeneficiariesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/users/me/beneficiaries").WithTags("Beneficiaries").RequireAuthorization(Caller.SignedInPolicy);

        group.MapPost("", CreateAsync).WithName("CreateBeneficiary").WithETag().WithCallerIdempotency(required: false);
        group.MapGet("", ListAsync).WithName("ListBeneficiaries");
        group.MapGet("/{beneficiaryId}", GetAsync).WithName("GetBeneficiary").WithETag();
        group.MapPut("/{beneficiaryId}", ReplaceAsync).WithName("ReplaceBeneficiary").WithIfMatch().WithCallerIdempotency(required: false);
        group.MapDelete("/{beneficiaryId}", DeleteAsync).WithName("DeleteBeneficiary").WithIfMatch().WithCallerIdempotency(required: false);

        return app;
    }

    public static async Task<Results<Created<BeneficiaryResponse>, ProblemHttpResult>> CreateAsync(
        BeneficiaryRequest request, HttpContext http, BeneficiaryStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var valid = BeneficiaryValidation.Validate(request);
        if (!valid.Succeeded)
        {
            return valid.Error.ToResult();
        }

        var now = time.GetUtcTimestamp();
        var beneficiary = new Beneficiary(Guid.NewGuid().ToString("N"), http.User.Id(), valid.Value.Name!, valid.Value.Iban!, valid.Value.Nickname, 1, now, now);
        if (!await store.TryWriteAsync(beneficiary, previousVersion: null, cancellationToken))
        {
            return ApiError.Conflict("A beneficiary with this id already exists.").ToResult();
        }

        http.Response.SetETag(beneficiary.Version);
        return TypedResults.Created($"/users/me/beneficiaries/{beneficiary.BeneficiaryId}", BeneficiaryResponse.From(beneficiary));
    }

    public static async Task<Ok<BeneficiaryList>> ListAsync(HttpContext http, BeneficiaryStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(new BeneficiaryList([.. (await store.ListAsync(http.User.Id(), cancellationToken)).Select(BeneficiaryResponse.From)]));

    public static async Task<Results<Ok<BeneficiaryResponse>, ProblemHttpResult>> GetAsync(
        string beneficiaryId, HttpContext http, BeneficiaryStore store, CancellationToken cancellationToken)
    {
        var beneficiary = await store.FindAsync(http.User.Id(), beneficiaryId, cancellationToken);
        if (beneficiary is null)
        {
            return NotFound().ToResult();
        }

        http.Response.SetETag(beneficiary.Version);
        return TypedResults.Ok(BeneficiaryResponse.From(beneficiary));
    }

    public static async Task<Results<Ok<BeneficiaryResponse>, ProblemHttpResult>> ReplaceAsync(
        string beneficiaryId, BeneficiaryRequest request, HttpContext http, BeneficiaryStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var valid = BeneficiaryValidation.Validate(request);
        if (!valid.Succeeded)
        {
            return valid.Error.ToResult();
        }

        var current = await store.FindAsync(http.User.Id(), beneficiaryId, cancellationToken);
        if (current is null)
        {
            return NotFound().ToResult();
        }

        if (!VersionETag.IfMatchAllows(http.Request, current.Version))
        {
            return ApiError.PreconditionFailed("The beneficiary has changed since it was read.").ToResult();
        }

        var replaced = current with
        {
            Name = valid.Value.Name!,
            Iban = valid.Value.Iban!,
            Nickname = valid.Value.Nickname,
            Version = current.Version + 1,
            UpdatedAt = time.GetUtcTimestamp(),
        };
        if (!await store.TryWriteAsync(replaced, current.Version, cancellationToken))
        {
            return ApiError.Conflict("The beneficiary changed concurrently; read it again and retry.").ToResult();
        }

        http.Response.SetETag(replaced.Version);
        return TypedResults.Ok(BeneficiaryResponse.From(replaced));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string beneficiaryId, HttpContext http, BeneficiaryStore store, CancellationToken cancellationToken)
    {
        var userId = http.User.Id();
        var current = await store.FindAsync(userId, beneficiaryId, cancellationToken);
        if (current is null)
        {
            return NotFound().ToResult();
        }

        if (!VersionETag.IfMatchAllows(http.Request, current.Version))
        {
            return ApiError.PreconditionFailed("The beneficiary has changed since it was read.").ToResult();
        }

        return await store.TryDeleteAsync(userId, beneficiaryId, current.Version, cancellationToken)
            ? TypedResults.NoContent()
            : ApiError.Conflict("The beneficiary changed concurrently; read it again and retry.").ToResult();
    }

    private static ApiError NotFound() => ApiError.NotFound("The beneficiary was not found.");
}
