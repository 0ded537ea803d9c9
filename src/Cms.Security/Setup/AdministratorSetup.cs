using System.Security.Cryptography;
using Cms.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace Cms.Security.Setup;

/// <summary>Creates the first administrator and puts them in the Administrator role.</summary>
public sealed class AdministratorSetup(UserManager<CmsUser> users, RoleManager<CmsRole> roles, TimeProvider clock)
{
    public const string AdministratorRole = "Administrator";

    public async Task<CmsUser> CreateAsync(string userName, string email, string password, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var user = new CmsUser
        {
            UserName = userName,
            Email = email,
            EmailConfirmed = true,
            DisplayName = userName,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The administrator could not be created: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        return user;
    }

    public async Task AddToAdministratorsAsync(CmsUser user)
    {
        if (!await roles.RoleExistsAsync(AdministratorRole))
        {
            var created = await roles.CreateAsync(new CmsRole { Name = AdministratorRole, Description = "Can do everything." });
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("The Administrator role could not be created: " + string.Join(" ", created.Errors.Select(e => e.Description)));
            }
        }

        var added = await users.AddToRoleAsync(user, AdministratorRole);
        if (!added.Succeeded)
        {
            throw new InvalidOperationException("The administrator could not be added to the Administrator role: " + string.Join(" ", added.Errors.Select(e => e.Description)));
        }
    }

    /// <summary>A random password that passes the password policy: 24 characters from four classes.</summary>
    public static string GeneratePassword()
    {
        const string lower = "abcdefghijkmnopqrstuvwxyz";
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        const string digits = "23456789";
        const string symbols = "!@#$%^&*-_=+";
        const string all = lower + upper + digits + symbols;
        var chars = new char[24];
        chars[0] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[1] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        chars[3] = symbols[RandomNumberGenerator.GetInt32(symbols.Length)];
        for (var i = 4; i < chars.Length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }

        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
