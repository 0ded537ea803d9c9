using Cms.Web.Hosting;
using Cms.Web.Setup;

if (RecipeCommand.TryParse(args, out var recipeCommand))
{
    return await RecipeCommand.RunAsync(recipeCommand);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddCmsHost();

var app = builder.Build();
await app.InitializeCmsAsync();
app.UseCmsHost();
await app.RunAsync();
return 0;

/// <summary>The host's entry point, visible to integration tests.</summary>
public partial class Program;
