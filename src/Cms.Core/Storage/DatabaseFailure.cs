using System.Data.Common;
using System.Net.Sockets;

namespace Cms.Core.Storage;

/// <summary>
/// Tells a database that cannot be reached (down, restarting, refusing connections) from a bug: such a failure is
/// answered with 503 and <c>Retry-After</c>, so a load balancer or client tries again, instead of a 500.
/// </summary>
public static class DatabaseFailure
{
    public static bool IsUnavailable(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is DbException { IsTransient: true } or SocketException or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }
}
