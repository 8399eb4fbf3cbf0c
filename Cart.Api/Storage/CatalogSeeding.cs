namespace Cart.Api.Storage;

/// <summary>What an instance found when it went to seed the development catalog (<see cref="CatalogStore.SeedIfAbsentAsync"/>).</summary>
internal enum CatalogSeeding
{
    /// <summary>This instance wrote it.</summary>
    Written,

    /// <summary>It was there already, written by an earlier start or another instance.</summary>
    Present,

    /// <summary>Another instance is writing it now: look again shortly.</summary>
    InProgressElsewhere,
}
