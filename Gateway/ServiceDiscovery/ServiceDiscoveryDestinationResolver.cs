using System.Net;
using Microsoft.Extensions.ServiceDiscovery;

namespace Gateway.ServiceDiscovery;

/// <summary>
/// Expands each configured destination whose address is a service name (<c>http://cart-api</c>) into one
/// destination per endpoint service discovery resolves, so every replica takes traffic; YARP resolves
/// again when any resolved set's change token fires.
/// </summary>
internal sealed class ServiceDiscoveryDestinationResolver(ServiceEndpointResolver resolver) : IDestinationResolver
{
    public async ValueTask<ResolvedDestinationCollection> ResolveDestinationsAsync(
        IReadOnlyDictionary<string, DestinationConfig> destinations,
        CancellationToken cancellationToken)
    {
        var resolved = await Task.WhenAll(destinations.Select(destination => ExpandAsync(destination.Key, destination.Value, cancellationToken)));

        var expanded = new Dictionary<string, DestinationConfig>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, config) in resolved.SelectMany(result => result.Destinations))
        {
            expanded[name] = config;
        }

        return new ResolvedDestinationCollection(expanded, new CompositeChangeToken([.. resolved.Select(result => result.ChangeToken)]));
    }

    private async Task<(IReadOnlyList<(string Name, DestinationConfig Config)> Destinations, IChangeToken ChangeToken)> ExpandAsync(
        string name,
        DestinationConfig destination,
        CancellationToken cancellationToken)
    {
        var configured = new Uri(destination.Address);
        var source = await resolver.GetEndpointsAsync(configured.GetLeftPart(UriPartial.Authority), cancellationToken);

        var expanded = source.Endpoints
            .Select(endpoint => EndpointUri(endpoint.EndPoint, configured))
            .Select(endpoint => (
                Name: $"{name}[{endpoint.Authority}]",
                Config: destination with
                {
                    Address = new UriBuilder(configured) { Scheme = endpoint.Scheme, Host = endpoint.Host, Port = endpoint.Port }.Uri.ToString(),
                    // Keep the logical name as the Host header, as a platform load balancer would.
                    Host = destination.Host ?? configured.Authority,
                }))
            .ToList();

        return (expanded, source.ChangeToken);
    }

    /// <summary>The scheme, host and port of a resolved endpoint; endpoints without a scheme take the configured one.</summary>
    private static Uri EndpointUri(EndPoint endPoint, Uri configured) => endPoint switch
    {
        UriEndPoint uri => uri.Uri,
        IPEndPoint ip => new UriBuilder(configured.Scheme, ip.Address.ToString(), ip.Port).Uri,
        DnsEndPoint dns => new UriBuilder(configured.Scheme, dns.Host, dns.Port > 0 ? dns.Port : configured.Port).Uri,
        _ => new Uri($"{configured.Scheme}://{endPoint}"),
    };
}
