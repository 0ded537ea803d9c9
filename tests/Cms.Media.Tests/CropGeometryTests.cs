using Cms.Core.Media;
using Cms.Media.Derivatives;
using SixLabors.ImageSharp;

namespace Cms.Media.Tests;

public sealed class CropGeometryTests
{
    [Fact]
    public void A_crop_reaching_the_bottom_right_corner_is_the_region_itself()
    {
        // A card crop the crop editor saved in the corner: float and double arithmetic once made its bounds cross.
        var region = CropGeometry.Region(1200, 800, 640, 360, new CropRectangle(0.65, 0.7047, 0.35, 0.2953), FocalPoint.Centre);

        Assert.Equal(new Rectangle(780, 564, 420, 236), region);
    }

    [Fact]
    public void Without_a_crop_the_region_is_as_near_the_focal_point_as_the_edges_allow()
    {
        Assert.Equal(new Rectangle(0, 62, 1200, 675), CropGeometry.Region(1200, 800, 640, 360, null, new FocalPoint(0.5, 0.5)));
        Assert.Equal(new Rectangle(0, 0, 800, 800), CropGeometry.Region(1200, 800, 160, 160, null, new FocalPoint(0.1, 0.5)));
        Assert.Equal(new Rectangle(400, 0, 800, 800), CropGeometry.Region(1200, 800, 160, 160, null, new FocalPoint(0.9, 0.5)));
    }
}
