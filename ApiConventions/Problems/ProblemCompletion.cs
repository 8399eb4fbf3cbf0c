using Microsoft.Extensions.Options;

namespace ApiConventions.Problems;

/// <summary>
/// Gives a problem, ahead of its write, the members the problem details writer adds (<c>code</c>, <c>traceId</c>,
/// <c>instance</c>, <c>requestId</c>): a body that is stored before it is sent — a response kept under an
/// Idempotency-Key — must be the body that is sent, so that a replay can repeat it byte for byte.
/// </summary>
public static class ProblemCompletion
{
    /// <summary>
    /// Runs the registered <see cref="ProblemDetailsOptions.CustomizeProblemDetails"/> on <paramref name="problem"/>
    /// (in place). Every customization only adds what is missing, so the writer running it again changes nothing.
    /// </summary>
    public static ProblemDetails Complete(this ProblemDetails problem, HttpContext http)
    {
        var options = http.RequestServices.GetService<IOptions<ProblemDetailsOptions>>()?.Value;
        options?.CustomizeProblemDetails?.Invoke(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
        return problem;
    }
}
