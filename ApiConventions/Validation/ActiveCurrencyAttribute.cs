using System.ComponentModel.DataAnnotations;

namespace ApiConventions.Validation;

/// <summary>An options property that must name one of the <see cref="Iso4217Currencies.Active"/> currencies (checked at start-up).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ActiveCurrencyAttribute() : ValidationAttribute(Iso4217Currencies.Rule)
{
    // Null is [Required]'s to refuse, as with the framework's attributes.
    public override bool IsValid(object? value) => value is null || (value is string code && Iso4217Currencies.IsActive(code));
}
