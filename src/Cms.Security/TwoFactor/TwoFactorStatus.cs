namespace Cms.Security.TwoFactor;

/// <summary>Where a user stands with two-factor sign-in: on or off, compulsory for one of their roles, recovery codes left.</summary>
public sealed record TwoFactorStatus(bool IsEnabled, bool IsRequired, int RecoveryCodesLeft);
