using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Media.Library;
using Cms.Recipes;
using Cms.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Media.Tests.Support;

/// <summary>
/// The real host (SQLite in a temp folder, the newsroom recipe with its media profiles, real security) with four
/// API clients: <c>media-editor</c> (Editor: ManageMedia and DeleteUsedMedia), <c>media-author</c> (Author:
/// ManageMedia only), <c>media-contributor</c> (Contributor: ManageOwnMedia) and <c>no-media</c> (no role: no media
/// permission). Tokens come from <c>/connect/token</c>.
/// </summary>
public class MediaHost : IAsyncLifetime
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };


    public MediaHost()
        : this(null)
    {
    }

    protected MediaHost(Action<CmsWebApplicationFactory>? configure)
    {
        Factory = new CmsWebApplicationFactory();
        configure?.Invoke(Factory);
    }

    public CmsWebApplicationFactory Factory { get; }

    public HttpClient Http { get; private set; } = null!;

    public ClientCredentials Credentials { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Http = Factory.CreateClient();
        Credentials = new ClientCredentials(Http);
        var steps = new JsonArray();
        foreach (var (client, role) in new[] { ("media-editor", "Editor"), ("media-author", "Author"), ("media-contributor", "Contributor"), ("no-media", (string?)null) })
        {
            steps.Add(new JsonObject
            {
                ["name"] = "OpenIdApplication",
                ["ClientId"] = client,
                ["DisplayName"] = client,
                ["Type"] = "Confidential",
                ["ClientSecret"] = "test-secret-" + client,
                ["AllowClientCredentialsFlow"] = true,
                ["RoleEntries"] = role is null ? new JsonArray() : new JsonArray(new JsonObject { ["Name"] = role }),
            });
        }

        await RunRecipeAsync(new JsonObject { ["name"] = "media-test", ["steps"] = steps });
    }

    public async Task<RecipeResult> RunRecipeAsync(JsonObject recipe)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe.ToJsonString(), Factory.DataDirectory, new RecipeParameters());
    }

    public Task<string> TokenAsync(string clientId) => Credentials.TokenAsync(clientId);

    public async Task<HttpRequestMessage> RequestAsync(HttpMethod method, string url, string client = "media-editor", HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(client));
        return request;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string client = "media-editor", HttpContent? content = null)
    {
        using var request = await RequestAsync(method, url, client, content);
        return await Http.SendAsync(request);
    }

    public static MultipartFormDataContent Upload(byte[] bytes, string fileName, string? folder = null, string? altText = null, string? caption = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        if (folder is not null)
        {
            form.Add(new StringContent(folder), "folder");
        }

        if (altText is not null)
        {
            form.Add(new StringContent(altText), "altText");
        }

        if (caption is not null)
        {
            form.Add(new StringContent(caption), "caption");
        }

        return form;
    }

    public async Task<MediaItem> UploadAsync(byte[] bytes, string fileName, string? folder = null, string? altText = null, string? caption = null, string client = "media-editor")
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/media", client, Upload(bytes, fileName, folder, altText, caption));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, text);
        return JsonSerializer.Deserialize<MediaItem>(text, Json)!;
    }

    public async Task<T> GetJsonAsync<T>(string url, string client = "media-editor")
    {
        using var response = await SendAsync(HttpMethod.Get, url, client);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonSerializer.Deserialize<T>(text, Json)!;
    }

    public async Task<MediaItem> PatchAsync(string id, object body)
    {
        using var response = await SendAsync(HttpMethod.Patch, $"/api/media/{id}", content: JsonContent.Create(body, options: Json));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonSerializer.Deserialize<MediaItem>(text, Json)!;
    }

    public string MediaFile(string path) => Path.Combine(Factory.DataDirectory, "Media", path.Replace('/', Path.DirectorySeparatorChar));

    public virtual Task DisposeAsync()
    {
        Http?.Dispose();
        Factory.Dispose();
        return Task.CompletedTask;
    }
}
