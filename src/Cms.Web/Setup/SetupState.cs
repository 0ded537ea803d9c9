namespace Cms.Web.Setup;

/// <summary>Whether setup has completed, for the readiness check.</summary>
public sealed class SetupState
{
    public bool Completed { get; set; }
}
