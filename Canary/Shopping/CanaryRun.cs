namespace Canary.Shopping;

/// <summary>The guest cart the canary keeps between runs, and the deviceId cookie that owns it.</summary>
internal sealed record GuestCart(string CartId, string Cookie);

/// <summary>
/// What one run saw: where it stopped (<see cref="CanaryStep.Complete"/> when it went through), the status the gateway
/// answered there (null when no answer came), why it failed, how long it took, and the cart for the next run.
/// </summary>
internal sealed record CanaryRun(string Step, int? Status, string? Failure, TimeSpan Elapsed, GuestCart? Cart)
{
    public bool Succeeded => Failure is null;

    public string Outcome => Succeeded ? "success" : "failure";
}
