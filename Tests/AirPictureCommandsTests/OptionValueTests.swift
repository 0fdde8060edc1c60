import AirPictureCommands
import CoverageKernel
import Testing

/// The option values that parse themselves: good values and, for each bad field, the message that names it.
@Suite struct OptionValueTests {
  /// What `parse` says when it refuses `text`, or nil when it accepts it.
  func refusal<Value>(_ parse: (String) throws -> Value, _ text: String) -> String? {
    do {
      _ = try parse(text)
      return nil
    } catch {
      return "\(error)"
    }
  }

  @Test func aSiteReadsItsFieldsAndIsNumberedWhenUnnamed() throws {
    let plain = try SiteSpecification(parsing: " -12.1, -69.9 ,10 ")
    #expect(plain.latitude == -12.1 && plain.longitude == -69.9 && plain.antennaHeight == 10)
    #expect(plain.givenName == nil && plain.name(ordinal: 2) == "site 2")
    #expect(plain.groundElevation == nil && plain.antenna == .aboveGround(10))
    let named = try SiteSpecification(parsing: "-12.1,-69.9,10,North")
    #expect(named.givenName == "North" && named.name(ordinal: 1) == "North")
    let grounded = try SiteSpecification(parsing: "-12.1,-69.9,10,,2500")
    #expect(grounded.givenName == nil && grounded.name(ordinal: 3) == "site 3")
    #expect(grounded.groundElevation == 2_500 && grounded.antenna == .aboveSeaLevel(2_510))
  }

  @Test(arguments: [
    ("-12.1,-69.9", "expected LAT,LON,HEIGHT_AGL[,NAME[,GROUND_M]], got 2 fields"),
    ("-12.1,-69.9,10,N,0,1", "expected LAT,LON,HEIGHT_AGL[,NAME[,GROUND_M]], got 6 fields"),
    ("abc,-69.9,10", "latitude 'abc' is not a number in -90...90"),
    (
      "91,-69.9,10",
      "latitude '91' is not a number in -90...90 (latitude and longitude swapped? the latitude comes first: -69.9,91,...)"
    ),
    ("nan,-69.9,10", "latitude 'nan' is not a number in -90...90"),
    ("-12.1,181,10", "longitude '181' is not a number in -180...180"),
    ("-12.1,,10", "longitude '' is not a number in -180...180"),
    ("-12.1,-69.9,-3", "antenna height '-3' is not a non-negative number of metres"),
    ("-12.1,-69.9,inf", "antenna height 'inf' is not a non-negative number of metres"),
    ("-12.1,-69.9,10,N,9001", "ground elevation '9001' is not a number of metres in -500...9000"),
    ("-12.1,-69.9,10,N,x", "ground elevation 'x' is not a number of metres in -500...9000"),
  ])
  func aBadSiteFieldIsNamed(text: String, message: String) {
    #expect(refusal(SiteSpecification.init(parsing:), text) == message)
  }

  @Test func altitudesKeepTheirOrder() throws {
    #expect(try AltitudeList(parsing: "150, 300,1000").metres == [150, 300, 1_000])
    #expect(try AltitudeList(parsing: "0").metres == [0])
    #expect(AltitudeList.standard.metres == [150, 300, 1_000, 3_000])
    #expect(AltitudeList.standard.description == "150,300,1000,3000")
    let sixteen = (1...16).map { "\($0 * 100)" }.joined(separator: ",")
    #expect(try AltitudeList(parsing: sixteen).metres.count == 16)
  }

  @Test(arguments: [
    ("", "expected 1 to 16 comma-separated altitudes in metres, got 0"),
    (
      (1...17).map { "\($0 * 100)" }.joined(separator: ","),
      "expected 1 to 16 comma-separated altitudes in metres, got 17"
    ),
    ("150,x", "altitude 2 'x' is not a non-negative number of metres"),
    ("-5,150", "altitude 1 '-5' is not a non-negative number of metres"),
    ("150,300,inf", "altitude 3 'inf' is not a non-negative number of metres"),
  ])
  func aBadAltitudeIsNamed(text: String, message: String) {
    #expect(refusal(AltitudeList.init(parsing:), text) == message)
  }

  @Test func aSectorKeepsItsTextAndMayWrapThroughNorth() throws {
    let wrapping = try SectorArgument(parsing: "350, 10")
    let expected = try AzimuthSector(start: 350, end: 10)
    #expect(wrapping.text == "350, 10" && wrapping.sector == expected)
    let fullCircle = try AzimuthSector(start: 0, end: 360)
    #expect(try SectorArgument(parsing: "0,360").sector == fullCircle)
  }

  @Test(arguments: [
    ("90", "expected START,END in degrees, got 1 field"),
    ("10,20,30", "expected START,END in degrees, got 3 fields"),
    ("x,10", "start 'x' is not a number of degrees"),
    ("10,inf", "end 'inf' is not a number of degrees"),
    (
      "90,90",
      "azimuth sector 90,90 is empty or not finite: give two different azimuths (omit the sector for all round)"
    ),
    (
      "450,90",
      "azimuth sector 450,90 is empty or not finite: give two different azimuths (omit the sector for all round)"
    ),
  ])
  func aBadSectorIsNamed(text: String, message: String) {
    #expect(refusal(SectorArgument.init(parsing:), text) == message)
  }

  @Test func aBoxReadsItsEdgesAndTiles() throws {
    let box = try BoundingBox(parsing: "-74, -14,-71,-12")
    #expect(box.west == -74 && box.south == -14 && box.east == -71 && box.north == -12)
    #expect(box.tileCorners.count == 6)
  }

  @Test(arguments: [
    ("-74,-14,-71", "expected W,S,E,N in degrees, got 3 fields"),
    ("x,-14,-71,-12", "west 'x' is not a number in -180...180"),
    ("-74,-91,-71,-12", "south '-91' is not a number in -90...90"),
    ("-74,-14,181,-12", "east '181' is not a number in -180...180"),
    ("-74,-14,-71,nan", "north 'nan' is not a number in -90...90"),
    ("-71,-14,-74,-12", "west -71 is not below east -74"),
    ("-74,-14,-74,-12", "west -74 is not below east -74"),
    ("-74,-12,-71,-14", "south -12 is not below north -14"),
    (
      "13,-120,14,-118",
      "south '-120' is not a number in -90...90 (latitudes first? --bbox takes W,S,E,N: -120,13,-118,14)"
    ),
  ])
  func aBadBoxEdgeIsNamed(text: String, message: String) {
    #expect(refusal(BoundingBox.init(parsing:), text) == message)
  }
}
