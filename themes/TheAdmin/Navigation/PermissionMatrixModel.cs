using Cms.Admin.Services;

namespace Cms.Admin.Navigation;

/// <summary>What the permission matrix partial needs. <see cref="ReadOnly"/>: show every box ticked and locked (Administrator).</summary>
public sealed record PermissionMatrixModel(IReadOnlyList<PermissionGroup> Catalogue, IReadOnlySet<string> Selected, bool ReadOnly, string FieldName = "Input.Permissions");
