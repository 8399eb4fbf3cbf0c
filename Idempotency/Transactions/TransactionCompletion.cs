using Microsoft.AspNetCore.Mvc;

namespace Idempotency.Transactions;

/// <summary>The response an idempotent transaction records for its Idempotency-Key, in the same <c>TransactWriteItems</c>.</summary>
public abstract record TransactionCompletion
{
    /// <summary>
    /// A response with a JSON body (none when <paramref name="body"/> is null: a 204), and the ETag and Location headers a
    /// replay sends again.
    /// </summary>
    public static TransactionCompletion Response<TBody>(int statusCode, TBody? body, string? etag = null, string? location = null) =>
        new BodyCompletion<TBody>(statusCode, body, etag, location);

    /// <summary>A refusal that is stored with the change it comes with (a decline recorded with its audit entry).</summary>
    public static TransactionCompletion Problem(ProblemDetails problem) => new ProblemDetailsCompletion(problem);

    /// <summary>The Put of the completed record, conditioned on <paramref name="context"/>'s claim still standing.</summary>
    internal abstract TransactWriteItem ItemFor(IdempotencyContext context);

    private sealed record BodyCompletion<TBody>(int StatusCode, TBody? Body, string? ETag, string? Location) : TransactionCompletion
    {
        internal override TransactWriteItem ItemFor(IdempotencyContext context) => context.CompletionItem(StatusCode, Body, ETag, Location);
    }

    private sealed record ProblemDetailsCompletion(ProblemDetails Refusal) : TransactionCompletion
    {
        internal override TransactWriteItem ItemFor(IdempotencyContext context) => context.CompletionItem(Refusal);
    }
}
