namespace Cart.Api.Storage;

/// <summary>The <c>carts</c> single table, as <see cref="PlatformTables.Carts"/> defines it for the service and the stack.</summary>
internal static class CartTable
{
    public const string LogicalName = PlatformTables.CartsName;

    public static TableDefinition Definition => PlatformTables.Carts;
}
