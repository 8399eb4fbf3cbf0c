namespace Gateway.Security;

/// <summary>An endpoint of the gateway's own that is a page (the development API reference) and needs a policy of its own.</summary>
internal sealed record ContentSecurityPolicyMetadata(string Policy);
