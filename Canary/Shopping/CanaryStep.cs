namespace Canary.Shopping;

/// <summary>The steps of a run, as the <c>step</c> tag of the canary's metrics and logs names them.</summary>
internal static class CanaryStep
{
    public const string CreateCart = "create-cart";
    public const string AddItem = "add-item";
    public const string ReadCart = "read-cart";
    public const string RemoveItem = "remove-item";

    /// <summary>The <c>step</c> of a run that went through every step.</summary>
    public const string Complete = "complete";
}
