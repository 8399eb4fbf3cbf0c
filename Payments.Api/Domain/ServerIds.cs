namespace Payments.Api.Domain;

/// <summary>The shape of the ids the service makes (accounts, transactions, beneficiaries): anything else is a 404 without a read.</summary>
internal static partial class ServerIds
{
    public static bool IsWellFormed(string id) => IdShape().MatchesWhole(id);

    [GeneratedRegex(@"\A[A-Za-z0-9_-]{1,64}\z")]
    private static partial Regex IdShape();
}
