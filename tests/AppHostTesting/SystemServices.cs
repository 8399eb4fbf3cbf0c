namespace AppHostTesting;

/// <summary>The .NET services <c>AppHost/Program.cs</c> runs, by program name, with how many processes of each.</summary>
public static class SystemServices
{
    public static IReadOnlyDictionary<string, int> Expected { get; } = new Dictionary<string, int>
    {
        ["Gateway"] = 1,
        ["Cart.Api"] = 2,
        ["Payments.Api"] = 1,
        ["Events.Worker"] = 1,
        ["Canary"] = 1,
    };
}
