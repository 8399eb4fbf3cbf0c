namespace Payments.Api.Domain;

/// <summary>The shape of the ids the service makes (accounts, transactions, beneficiaries): anything else is a 404 without a read.</summary>
internal static class ServerIds
{
    public static bool IsWellFormed(string id) => SharedShapes.ServerId().MatchesWhole(id);
}
