namespace Payments.Api.Storage;

/// <summary>One account's part of a search: the transaction if its window held it, and whether the window was read to its end.</summary>
internal sealed record AccountSearch(LedgerTransaction? Found, bool ReadToEnd);
