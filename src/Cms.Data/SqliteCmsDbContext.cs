using Microsoft.EntityFrameworkCore;

namespace Cms.Data;

/// <summary>The SQLite flavour of the CMS database (the default).</summary>
public sealed class SqliteCmsDbContext(DbContextOptions<SqliteCmsDbContext> options) : CmsDbContext(options);
