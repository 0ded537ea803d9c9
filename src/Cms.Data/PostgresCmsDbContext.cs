using Microsoft.EntityFrameworkCore;

namespace Cms.Data;

/// <summary>The PostgreSQL flavour of the CMS database.</summary>
public sealed class PostgresCmsDbContext(DbContextOptions<PostgresCmsDbContext> options) : CmsDbContext(options);
