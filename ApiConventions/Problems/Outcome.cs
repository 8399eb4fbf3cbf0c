using System.Diagnostics.CodeAnalysis;

namespace ApiConventions.Problems;

/// <summary>Either a value or the <see cref="ApiError"/> that prevented it.</summary>
public readonly record struct Outcome<T>
{
    private Outcome(T? value, ApiError? error) => (Value, Error) = (value, error);

    public T? Value { get; }

    public ApiError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    public static Outcome<T> Success(T value) => new(value, null);

    public static Outcome<T> Failure(ApiError error) => new(default, error);

    public static implicit operator Outcome<T>(T value) => Success(value);

    public static implicit operator Outcome<T>(ApiError error) => Failure(error);
}
