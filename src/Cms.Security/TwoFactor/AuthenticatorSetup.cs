namespace Cms.Security.TwoFactor;

/// <summary>
/// What an authenticator app needs to enrol: the shared key (for typing, in groups of four), the <c>otpauth://</c> URI
/// and that URI as a QR code (a PNG data URI drawn on the server; nothing leaves the CMS).
/// </summary>
public sealed record AuthenticatorSetup(string SharedKey, string AuthenticatorUri, string QrCodeDataUri);
