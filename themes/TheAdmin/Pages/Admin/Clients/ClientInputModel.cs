using System.ComponentModel.DataAnnotations;
using Cms.Admin.Services;

namespace Cms.Admin.Pages.Admin.Clients;

/// <summary>The API client form. Client id and type are set at creation only.</summary>
public sealed class ClientInputModel
{
    [Required(ErrorMessage = "Enter a client id.")]
    [StringLength(100, MinimumLength = 3, ErrorMessage = "Use 3 to 100 characters.")]
    [Display(Name = "Client id")]
    public string ClientId { get; set; } = "";

    [Required(ErrorMessage = "Enter a display name.")]
    [StringLength(200)]
    [Display(Name = "Display name")]
    public string DisplayName { get; set; } = "";

    public AdminClientType Type { get; set; } = AdminClientType.Confidential;

    [Display(Name = "Client credentials (server-side front ends, build pipelines)")]
    public bool AllowClientCredentials { get; set; }

    [Display(Name = "Authorization code with PKCE (people signing in through an app)")]
    public bool AllowAuthorizationCode { get; set; }

    [Display(Name = "Refresh tokens")]
    public bool AllowRefreshToken { get; set; }

    [Display(Name = "Redirect URIs")]
    public string? RedirectUris { get; set; }

    [Display(Name = "Post-logout redirect URIs")]
    public string? PostLogoutRedirectUris { get; set; }

    public List<string> Roles { get; set; } = [];

    public AdminClientInput ToInput() => new(
        ClientId,
        DisplayName,
        Type,
        AllowClientCredentials,
        AllowAuthorizationCode,
        AllowRefreshToken,
        Lines(RedirectUris),
        Lines(PostLogoutRedirectUris),
        Roles);

    public static ClientInputModel From(AdminClientDetails client) => new()
    {
        ClientId = client.ClientId,
        DisplayName = client.DisplayName,
        Type = client.Type,
        AllowClientCredentials = client.AllowClientCredentials,
        AllowAuthorizationCode = client.AllowAuthorizationCode,
        AllowRefreshToken = client.AllowRefreshToken,
        RedirectUris = string.Join('\n', client.RedirectUris),
        PostLogoutRedirectUris = string.Join('\n', client.PostLogoutRedirectUris),
        Roles = [.. client.Roles],
    };

    private static List<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
}
