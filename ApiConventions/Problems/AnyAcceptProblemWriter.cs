namespace ApiConventions.Problems;

/// <summary>
/// The last problem writer: for a request whose <c>Accept</c> names neither JSON nor problem JSON (a browser's
/// <c>text/html</c>), it has the framework's own writer write the problem all the same, as <c>application/problem+json</c>.
/// That writer declines such a request, and then <see cref="IProblemDetailsService.WriteAsync"/> throws and
/// <c>TryWriteAsync</c> writes nothing: a refusal at the edge (405, 413, 431, 400, 429) became a body-less 500, and the
/// status code pages fell back to plain text. An API's errors are problems whatever the client says it accepts.
/// </summary>
internal sealed class AnyAcceptProblemWriter(IServiceProvider services) : IProblemDetailsWriter
{
    private IProblemDetailsWriter? _framework;

    public bool CanWrite(ProblemDetailsContext context) => true;

    // Resolved on first use, not injected: the writers are one enumerable, this one among them.
    public ValueTask WriteAsync(ProblemDetailsContext context) =>
        (_framework ??= services.GetServices<IProblemDetailsWriter>().First(writer => writer is not AnyAcceptProblemWriter)).WriteAsync(context);
}
