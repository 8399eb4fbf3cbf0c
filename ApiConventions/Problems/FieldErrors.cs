namespace ApiConventions.Problems;

/// <summary>Collects field errors (camelCase JSON paths) for a <see cref="ErrorCodes.ValidationFailed"/> problem.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
    }

    /// <summary>The 422 problem carrying these errors.</summary>
    public ApiError ToError() => ApiError.Validation(_errors.ToDictionary(error => error.Key, error => error.Value.ToArray(), StringComparer.Ordinal));
}
