using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;

namespace DynamoDbStreams.Client;

/// <summary>
/// Signs a request with the SDK's own SigV4 implementation (<see cref="AWS4Signer"/>): no hand-rolled crypto.
/// The signing service and region come from the client config (or the request's override), as in the SDK.
/// </summary>
public static class StreamsRequestSigning
{
    public const string SecurityTokenHeader = "X-Amz-Security-Token";
    public const string AuthorizationHeader = "Authorization";

    public static void Sign(IRequest request, IClientConfig config, ImmutableCredentials credentials, DateTime signedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        if (credentials.UseToken)
        {
            // Temporary credentials (roles, SSO) sign the session token along with the request.
            request.Headers[SecurityTokenHeader] = credentials.Token;
        }

        var result = new AWS4Signer().SignRequest(request, config, null, credentials.AccessKey, credentials.SecretKey, signedAtUtc);
        request.Headers[AuthorizationHeader] = result.ForAuthorizationHeader;
    }

    /// <summary>A <see cref="DefaultRequest"/> needs an originating SDK request; ours carries no members of its own.</summary>
    internal sealed class StreamsWebRequest : AmazonWebServiceRequest;

    /// <summary>An SDK request object for <paramref name="endpoint"/>, ready for headers, content and signing.</summary>
    public static DefaultRequest CreateRequest(Uri endpoint, string httpMethod, string serviceName) =>
        new(new StreamsWebRequest(), serviceName)
        {
            HttpMethod = httpMethod,
            Endpoint = endpoint,
            ResourcePath = "/",
        };
}
