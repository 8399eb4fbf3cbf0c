namespace Payments.Api.Contracts;

/// <summary>Body of <c>POST /users/me/fraud-events</c>.</summary>
internal sealed record FraudEventRequest(string? Type, string? Detail);

/// <summary>A fraud event as clients see it.</summary>
internal sealed record FraudEventResponse(string EventId, string Type, string OccurredAt, string? Detail)
{
    public static FraudEventResponse From(FraudEvent e) => new(e.EventId, e.Type, e.OccurredAt, e.Detail);
}

/// <summary>Fraud events, newest first.</summary>
internal sealed record FraudEventList(IReadOnlyList<FraudEventResponse> Items);
