using System.Security.Cryptography;
using System.Text;
using ApiConventions.Json;

namespace Idempotency;

/// <summary>
/// What makes two requests "the same": SHA-256 over the method, the path and the JSON body in canonical form
/// (<see cref="CanonicalJson"/>: object keys sorted, no insignificant white space), so key order and formatting do not matter.
/// </summary>
public static class RequestFingerprint
{
    public static string Compute(string method, string path, ReadOnlySpan<byte> body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{method.ToUpperInvariant()}\n{path}\n"));
        hash.AppendData(Canonicalize(body));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// The canonical bytes of a body: strict JSON (<see cref="StrictJson"/>, the rule binding is held to) in canonical
    /// form; anything else — not JSON, or JSON that binding refuses — as it is.
    /// </summary>
    public static byte[] Canonicalize(ReadOnlySpan<byte> body) =>
        body.IsEmpty ? [] : CanonicalJson.TryCanonicalize(body) ?? body.ToArray();

    /// <summary>Reads the (buffered) request body and fingerprints the request.</summary>
    public static async Task<string> ComputeAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.Body.CanSeek)
        {
            throw new InvalidOperationException("Request bodies are not buffered: call app.UseIdempotency() before mapping endpoints.");
        }

        request.Body.Position = 0;
        using var copy = new MemoryStream();
        await request.Body.CopyToAsync(copy, cancellationToken);
        request.Body.Position = 0;
        return Compute(request.Method, request.Path.Value ?? "/", copy.GetBuffer().AsSpan(0, (int)copy.Length));
    }
}
