using System.Text.Json.Nodes;
using Cms.Core.Storage;
using Cms.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Cms.Data.Stores;

public sealed class EfDocumentStore(CmsDbContext db, TimeProvider clock) : IDocumentStore
{
    public async Task<JsonObject?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        var record = await db.Documents.FirstOrDefaultAsync(d => d.Name == name, cancellationToken);
        return record is null ? null : JsonNode.Parse(record.Data) as JsonObject;
    }

    public async Task SetAsync(string name, JsonObject document, CancellationToken cancellationToken = default)
    {
        var record = await db.Documents.FirstOrDefaultAsync(d => d.Name == name, cancellationToken);
        if (record is null)
        {
            record = new DocumentRecord { Name = name };
            db.Documents.Add(record);
        }

        record.Data = document.ToJsonString();
        record.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        record.Revision++;
        await db.SaveChangesAsync(cancellationToken);
    }
}
