using Microsoft.Extensions.Options;

namespace Cms.Web.Setup;

/// <summary>The <c>Cms:Setup</c> settings, checked at start-up: a recipe that exists and an administrator name.</summary>
public sealed class SetupOptionsValidator : IValidateOptions<SetupOptions>
{
    public ValidateOptionsResult Validate(string? name, SetupOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Recipe))
        {
            failures.Add($"Cms:Setup:Recipe is empty: set it to one of {Known()} or to the path of a recipe file.");
        }
        else if (!File.Exists(RecipeLocator.Resolve(options.Recipe)))
        {
            failures.Add(RecipeLocator.IsPath(options.Recipe)
                ? $"Cms:Setup:Recipe names the file {RecipeLocator.Resolve(options.Recipe)}, which does not exist: correct the path, or use one of {Known()}."
                : $"Cms:Setup:Recipe is '{options.Recipe}', which is not a recipe: use one of {Known()}, or the path of a recipe file.");
        }

        if (string.IsNullOrWhiteSpace(options.AdminUserName))
        {
            failures.Add("Cms:Setup:AdminUserName is empty: set the user name of the first administrator (default admin).");
        }

        if (string.IsNullOrWhiteSpace(options.AdminEmail))
        {
            failures.Add("Cms:Setup:AdminEmail is empty: set the email address of the first administrator.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Known() => string.Join(", ", RecipeLocator.Names());
}
