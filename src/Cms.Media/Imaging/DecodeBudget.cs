using System.Buffers;
using System.Runtime.CompilerServices;
using SixLabors.ImageSharp.Memory;

namespace Cms.Media.Imaging;

/// <summary>
/// The memory allocator of one decode: it hands out buffers from the gate's allocator and counts every byte asked for,
/// failing the decode once the total passes the limit. ImageSharp 2.1 has no allocation limit of its own, so a
/// crafted header (or thousands of frames) is stopped here, before the memory is taken.
/// </summary>
internal sealed class DecodeBudget(MemoryAllocator pool, long limitBytes) : MemoryAllocator
{
    private long _allocated;

    public long AllocatedBytes => Interlocked.Read(ref _allocated);

    public long LimitBytes => limitBytes;

    public override IMemoryOwner<T> Allocate<T>(int length, AllocationOptions options = AllocationOptions.None)
    {
        var bytes = (long)length * Unsafe.SizeOf<T>();
        if (Interlocked.Add(ref _allocated, bytes) > limitBytes)
        {
            throw new DecodeBudgetExceededException(limitBytes);
        }

        return pool.Allocate<T>(length, options);
    }

    // The size of one contiguous buffer (4 MB, as ImageSharp's own pool); larger images get several.
    protected override int GetBufferCapacityInBytes() => 4 * 1024 * 1024;
}
