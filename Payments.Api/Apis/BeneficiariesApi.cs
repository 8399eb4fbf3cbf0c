using Idempotency;

namespace Payments.Api.Apis;

/// <summary>The signed-in user's beneficiaries: <c>/users/me/beneficiaries</c> (create, list, read, replace, delete; ETag + If-Match).</summary>
internal static class BeneficiariesApi
{
    public static IEndpointRouteBuilder MapBeneficiariesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/users/me/beneficiaries").WithTags("Beneficiaries").RequireAuthorization(Caller.SignedInPolicy);

        group.MapPost("", CreateAsync).WithName("CreateBeneficiary").WithETag().WithCallerIdempotency(required: false, KeyClaim.WithTransaction)
            .WithRequestExample(BeneficiaryExamples.Create).WithResponseExample(StatusCodes.Status201Created, BeneficiaryExamples.Created);
        group.MapGet("", ListAsync).WithName("ListBeneficiaries").WithResponseExample(StatusCodes.Status200OK, BeneficiaryExamples.List);
        group.MapGet("/{beneficiaryId}", GetAsync).WithName("GetBeneficiary").WithETag().WithResponseExample(StatusCodes.Status200OK, BeneficiaryExamples.Created);
        group.MapPut("/{beneficiaryId}", ReplaceAsync).WithName("ReplaceBeneficiary").WithIfMatch().WithCallerIdempotency(required: false, KeyClaim.WithTransaction)
            .WithRequestExample(BeneficiaryExamples.Replace).WithResponseExample(StatusCodes.Status200OK, BeneficiaryExamples.Replaced)
            .WithProblemExample(BeneficiaryExamples.Stale);
        group.MapDelete("/{beneficiaryId}", DeleteAsync).WithName("DeleteBeneficiary").WithIfMatch().WithCallerIdempotency(required: false, KeyClaim.WithTransaction)
            .WithProblemExample(BeneficiaryExamples.Stale);

        return app;
    }

    public static async Task<Results<Created<BeneficiaryResponse>, ProblemHttpResult>> CreateAsync(
        BeneficiaryRequest request, HttpContext http, BeneficiaryService service, CancellationToken cancellationToken)
    {
        var valid = BeneficiaryValidation.Validate(request);
        if (!valid.Succeeded)
        {
            return valid.Error.ToResult();
        }

        var added = await service.AddAsync(new AddBeneficiary(http.User.Id(), valid.Value.Name!, valid.Value.Iban!, valid.Value.Nickname), http.GetIdempotency(), cancellationToken);
        if (!added.Succeeded)
        {
            return added.Error.ToResult();
        }

        http.Response.SetETag(added.Value.Version);
        return TypedResults.Created(ResourceLocations.Beneficiary(added.Value.BeneficiaryId), BeneficiaryResponse.From(added.Value));
    }

    /// <summary>The caller's beneficiaries, a page at a time (<c>limit</c>, default 50, at most 100; <c>cursor</c> from the previous page).</summary>
    public static async Task<Results<Ok<BeneficiaryList>, ProblemHttpResult>> ListAsync(
        HttpContext http, BeneficiaryStore store, CancellationToken cancellationToken, int? limit = null, string? cursor = null)
    {
        var userId = http.User.Id();
        if (AccountsApi.PageSize(limit) is not { } size)
        {
            return LedgerErrors.Field("limit", "Must be between 1 and 100.").ToResult();
        }

        if (!PageCursor.TryDecode(cursor, PageScopes.Beneficiaries(userId), out var startKey))
        {
            return ApiError.InvalidCursor().ToResult();
        }

        var (beneficiaries, lastKey) = await store.ListAsync(userId, size, startKey, cancellationToken);
        return TypedResults.Ok(new BeneficiaryList([.. beneficiaries.Select(BeneficiaryResponse.From)], PageCursor.Encode(lastKey)));
    }

    public static async Task<Results<Ok<BeneficiaryResponse>, ProblemHttpResult>> GetAsync(
        string beneficiaryId, HttpContext http, BeneficiaryStore store, CancellationToken cancellationToken)
    {
        var beneficiary = await store.FindAsync(http.User.Id(), beneficiaryId, cancellationToken);
        if (beneficiary is null)
        {
            return BeneficiaryService.NotFound().ToResult();
        }

        http.Response.SetETag(beneficiary.Version);
        return TypedResults.Ok(BeneficiaryResponse.From(beneficiary));
    }

    public static async Task<Results<Ok<BeneficiaryResponse>, ProblemHttpResult>> ReplaceAsync(
        string beneficiaryId, BeneficiaryRequest request, HttpContext http, BeneficiaryService service, CancellationToken cancellationToken)
    {
        var valid = BeneficiaryValidation.Validate(request);
        if (!valid.Succeeded)
        {
            return valid.Error.ToResult();
        }

        var command = new ReplaceBeneficiary(
            http.User.Id(), beneficiaryId, valid.Value.Name!, valid.Value.Iban!, valid.Value.Nickname, version => VersionETag.IfMatchAllows(http.Request, version));
        var replaced = await service.ReplaceAsync(command, http.GetIdempotency(), cancellationToken);
        if (!replaced.Succeeded)
        {
            return replaced.Error.ToResult();
        }

        http.Response.SetETag(replaced.Value.Version);
        return TypedResults.Ok(replaced.Value);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string beneficiaryId, HttpContext http, BeneficiaryService service, CancellationToken cancellationToken)
    {
        var command = new DeleteBeneficiary(http.User.Id(), beneficiaryId, version => VersionETag.IfMatchAllows(http.Request, version));
        return await service.DeleteAsync(command, http.GetIdempotency(), cancellationToken) is { } refused ? refused.ToResult() : TypedResults.NoContent();
    }
}
