namespace Cms.Core.Content;

public enum ImportOutcome
{
    Created,
    Updated,
    Unchanged,
}
