using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Recipes;
using Cms.Recipes.Export;

namespace Cms.Security.OpenId;

/// <summary>
/// Orchard Core's <c>OpenIdApplication</c> step: <c>ClientId</c>, <c>DisplayName</c>, <c>Type</c>
/// (<c>Confidential</c>/<c>Public</c>), <c>ClientSecret</c>, <c>RedirectUris</c> and <c>PostLogoutRedirectUris</c>
/// (space-separated), <c>RoleEntries</c> (<c>[{ "Name": "Editor" }]</c>), <c>AllowClientCredentialsFlow</c>,
/// <c>AllowAuthorizationCodeFlow</c>, <c>AllowRefreshTokenFlow</c>, <c>RequireProofKeyForCodeExchange</c>.
/// Creates the client or updates it (an omitted secret keeps the current one). Password, implicit and hybrid flows
/// are not offered. Ship no real secret in a recipe file. Exports write one step per client without its secret (only
/// its hash is stored): a confidential client's <c>ClientSecret</c> is <c>[js: parameters('ClientSecret_{ClientId}')]</c>,
/// so the import asks for a new secret (<c>--param ClientSecret_news-site=...</c>) and refuses to run without it.
/// </summary>
public sealed class OpenIdApplicationStep(OpenIdClientStore store) : IRecipeStep, IRecipeExportSource
{
    /// <summary>The recipe parameter that gives an exported confidential client its secret on import.</summary>
    public static string SecretParameter(string clientId) => "ClientSecret_" + clientId;

    private static readonly HashSet<string> Ignored = new(StringComparer.OrdinalIgnoreCase)
    {
        "name", "ConsentType", "ScopeEntries", "AllowLogoutEndpoint", "AllowIntrospectionEndpoint", "AllowRevocationEndpoint",
    };

    private static readonly HashSet<string> Unsupported = new(StringComparer.OrdinalIgnoreCase)
    {
        "AllowPasswordFlow", "AllowImplicitFlow", "AllowHybridFlow",
    };

    public string Name => "OpenIdApplication";

    public int Order => RecipeExportOrder.OpenIdApplications;

    public async Task ExportAsync(RecipeExportContext context, CancellationToken cancellationToken)
    {
        foreach (var client in await store.ListAsync(cancellationToken))
        {
            var step = new JsonObject
            {
                ["name"] = Name,
                ["ClientId"] = client.ClientId,
                ["DisplayName"] = client.DisplayName,
                ["Type"] = client.Type.ToString(),
            };
            if (client.Type == ClientType.Confidential)
            {
                step["ClientSecret"] = $"[js: parameters('{SecretParameter(client.ClientId)}')]";
            }

            step["RedirectUris"] = string.Join(' ', client.RedirectUris);
            step["PostLogoutRedirectUris"] = string.Join(' ', client.PostLogoutRedirectUris);
            step["AllowClientCredentialsFlow"] = client.AllowClientCredentialsFlow;
            step["AllowAuthorizationCodeFlow"] = client.AllowAuthorizationCodeFlow;
            step["AllowRefreshTokenFlow"] = client.AllowRefreshTokenFlow;
            step["RequireProofKeyForCodeExchange"] = client.RequireProofKeyForCodeExchange;
            step["RoleEntries"] = new JsonArray([.. client.Roles.Select(r => (JsonNode)new JsonObject { ["Name"] = r })]);
            context.WriteStep(step);
        }
    }

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var step = context.Step;
        var known = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "ClientId", "DisplayName", "Type", "ClientSecret", "RedirectUris", "PostLogoutRedirectUris", "RoleEntries",
            "AllowClientCredentialsFlow", "AllowAuthorizationCodeFlow", "AllowRefreshTokenFlow", "RequireProofKeyForCodeExchange",
        };
        foreach (var (key, value) in step)
        {
            if (Unsupported.Contains(key) && value is JsonValue v && v.GetValueKind() == JsonValueKind.True)
            {
                throw context.Error(key, "this flow is not offered by this server (use the authorization code flow with PKCE).");
            }

            if (!known.Contains(key) && !Ignored.Contains(key) && !Unsupported.Contains(key))
            {
                throw context.Error(key, $"unknown property '{key}'.");
            }
        }

        var typeText = String(context, "Type") ?? "Confidential";
        if (!Enum.TryParse<ClientType>(typeText, ignoreCase: true, out var type))
        {
            throw context.Error("Type", $"'{typeText}' is not Confidential or Public.");
        }

        var roles = new List<string>();
        if (step["RoleEntries"] is { } entries)
        {
            if (entries is not JsonArray array)
            {
                throw context.Error("RoleEntries", "must be an array of { \"Name\": \"role\" }.");
            }

            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is not JsonObject entry || entry["Name"] is not JsonValue nameValue || nameValue.GetValueKind() != JsonValueKind.String)
                {
                    throw context.Error($"RoleEntries[{i}]", "must be an object with a Name.");
                }

                // Orchard's exports list every role with "Selected": false for the unticked ones.
                if (entry["Selected"] is JsonValue selected && selected.GetValueKind() == JsonValueKind.False)
                {
                    continue;
                }

                roles.Add(nameValue.GetValue<string>());
            }
        }

        var input = new ClientInput
        {
            ClientId = String(context, "ClientId") ?? throw context.Error("ClientId", "is required."),
            DisplayName = String(context, "DisplayName") ?? String(context, "ClientId")!,
            Type = type,
            RedirectUris = Split(String(context, "RedirectUris")),
            PostLogoutRedirectUris = Split(String(context, "PostLogoutRedirectUris")),
            AllowClientCredentialsFlow = Bool(context, "AllowClientCredentialsFlow"),
            AllowAuthorizationCodeFlow = Bool(context, "AllowAuthorizationCodeFlow"),
            AllowRefreshTokenFlow = Bool(context, "AllowRefreshTokenFlow"),
            RequireProofKeyForCodeExchange = step["RequireProofKeyForCodeExchange"] is null || Bool(context, "RequireProofKeyForCodeExchange"),
            Roles = roles,
        };

        var secret = String(context, "ClientSecret");
        if (type == ClientType.Public && !string.IsNullOrEmpty(secret))
        {
            throw context.Error("ClientSecret", "a public client has no secret.");
        }

        var result = await store.SaveAsync(input, secret, mustBeNew: false, cancellationToken);
        if (!result.Succeeded)
        {
            var first = result.Errors[0];
            throw context.Error(first.Field.Length > 0 ? MapField(first.Field) : "", first.Message);
        }
    }

    private static string MapField(string field) => field switch
    {
        "Roles" => "RoleEntries",
        "Flows" => "AllowClientCredentialsFlow",
        _ => field,
    };

    private static string[] Split(string? text) =>
        text is null ? [] : text.Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);

    private static string? String(RecipeStepContext context, string key) => context.Step[key] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>().Trim(),
        _ => throw context.Error(key, "must be a string."),
    };

    private static bool Bool(RecipeStepContext context, string key) => context.Step[key] switch
    {
        null => false,
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        _ => throw context.Error(key, "must be true or false."),
    };
}
