using System.ComponentModel.DataAnnotations;

namespace Gateway.DeviceIdentity;

/// <summary>How the gateway issues the device cookie (section <c>DeviceCookie</c>).</summary>
internal sealed class DeviceCookieOptions
{
    public const string SectionName = "DeviceCookie";

    /// <summary>Cookie lifetime; browsers cap persistent cookies at 400 days.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "400.00:00:00")]
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(400);
}

[OptionsValidator]
internal sealed partial class DeviceCookieOptionsValidator : IValidateOptions<DeviceCookieOptions>;
