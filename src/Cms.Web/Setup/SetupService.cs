using Cms.Core.Settings;
using Cms.Core.Storage;
using Cms.Data.Entities;
using Cms.Recipes;
using Cms.Security.Setup;
using Cms.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Cms.Web.Setup;

/// <summary>
/// First start on an empty database: creates the administrator from <c>Cms:Setup</c>, runs the setup recipe
/// and, when asked, the sample content, all in one transaction. If anything fails nothing is kept and the next
/// start tries again.
/// </summary>
public sealed class SetupService(
    IOptions<SetupOptions> options,
    ISiteSettingsService siteSettings,
    IUnitOfWork unitOfWork,
    RecipeExecutor recipes,
    AdministratorSetup administrators,
    SetupState state,
    TimeProvider clock,
    ILogger<SetupService> logger)
{
    public async Task RunIfNeededAsync(CancellationToken cancellationToken = default)
    {
        if ((await siteSettings.GetAsync(cancellationToken)).SetupCompleted)
        {
            state.Completed = true;
            return;
        }

        var setup = options.Value;
        var generated = string.IsNullOrEmpty(setup.AdminPassword);
        var password = generated ? AdministratorSetup.GeneratePassword() : setup.AdminPassword!;
        logger.LogInformation("First start: setting up with recipe {Recipe} (sample content: {SampleContent})", setup.Recipe, setup.SampleContent);

        await using (var transaction = await unitOfWork.BeginAsync(cancellationToken))
        {
            CmsUser admin;
            try
            {
                admin = await administrators.CreateAsync(setup.AdminUserName, setup.AdminEmail, password, cancellationToken);
            }
            catch (InvalidOperationException ex)
            {
                throw new CmsStartupException($"Setup stopped and nothing was saved: {ex.Message} Check Cms:Setup:AdminUserName, Cms:Setup:AdminEmail and Cms:Setup:AdminPassword.", ex);
            }

            var parameters = new RecipeParameters
            {
                ["AdminUserId"] = admin.Id,
                ["AdminUsername"] = admin.UserName!,
            };
            await RunRecipeAsync(setup.Recipe, "Cms:Setup:Recipe", parameters, cancellationToken);
            await administrators.AddToAdministratorsAsync(admin);
            if (setup.SampleContent)
            {
                await RunRecipeAsync("sample-content", "Cms:Setup:SampleContent", parameters, cancellationToken);
            }

            var settings = await siteSettings.GetAsync(cancellationToken);
            await siteSettings.SaveAsync(settings with { SetupCompleted = true, SetupCompletedUtc = clock.GetUtcNow().UtcDateTime }, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        state.Completed = true;
        logger.LogInformation("Setup complete; administrator {AdminUserName} created", setup.AdminUserName);
        if (generated)
        {
            // Printed on the console only, once: never written to the log files.
            Console.WriteLine();
            Console.WriteLine($"  Administrator '{setup.AdminUserName}' was created with the generated password:  {password}");
            Console.WriteLine("  It is shown only this once. Sign in at /admin and change it, or set Cms:Setup:AdminPassword before the first start.");
            Console.WriteLine();
        }
    }

    private async Task RunRecipeAsync(string recipe, string setting, RecipeParameters parameters, CancellationToken cancellationToken)
    {
        try
        {
            await recipes.ExecuteFileAsync(RecipeLocator.Resolve(recipe), parameters, cancellationToken);
        }
        catch (RecipeException ex)
        {
            throw new CmsStartupException($"Setup stopped and nothing was saved: the recipe '{recipe}' failed. {ex.Message} Fix the recipe (or {setting}) and start again.", ex);
        }
    }
}
