import AirPictureCommands
import Foundation
import Testing

@Suite struct TerrainFetchTests {
  @Test func tilesAreNamedBySouthWestCorner() {
    let glo90 = CopernicusTiles(source: .glo90)
    #expect(glo90.name(latitude: -13, longitude: -72) == "Copernicus_DSM_COG_30_S13_00_W072_00_DEM")
    #expect(
      CopernicusTiles(source: .glo30).name(latitude: 5, longitude: 8) == "Copernicus_DSM_COG_10_N05_00_E008_00_DEM")
    #expect(
      glo90.path(latitude: -13, longitude: -72)
        == "/vsicurl/https://copernicus-dem-90m.s3.amazonaws.com/Copernicus_DSM_COG_30_S13_00_W072_00_DEM/Copernicus_DSM_COG_30_S13_00_W072_00_DEM.tif"
    )
  }

  @Test func aBoxCoversEveryTileItTouches() {
    let corners = CopernicusTiles.corners(west: -72.5, south: -13.5, east: -71.2, north: -12.0)
    #expect(corners.count == 4)
    #expect(corners.contains { $0 == (-14, -73) } && corners.contains { $0 == (-13, -72) })
    #expect(CopernicusTiles.corners(west: -72, south: -13, east: -71, north: -12).count == 1)
  }
}
