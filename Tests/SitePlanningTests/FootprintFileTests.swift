import SitePlanning
import Testing

/// The shards' footprint file: what is written reads back equal, and a damaged file is refused.
@Suite struct FootprintFileTests {
  static let entries: [(index: Int, footprint: CoverageFootprint)] = [
    (0, CoverageFootprint(coveredCells: [[1, 2, 3, 9], []])),
    (4, CoverageFootprint(coveredCells: [[0], [5, 6, 7, 8, 99]])),
    (7, CoverageFootprint(coveredCells: [[], []])),
  ]

  static func encoded() -> [UInt8] { FootprintFile.encode(entries, cellCount: 100, altitudeCount: 2) }

  @Test func whatIsWrittenReadsBackEqual() throws {
    let bytes = Self.encoded()
    #expect(Array(bytes.prefix(8)) == Array("APFOOTPR".utf8))
    // Header 24, three indices, six run counts, five runs ([1, 3], [9], [0], [5, 8], [99]) of 8 bytes.
    #expect(bytes.count == 24 + 3 * 4 + 6 * 4 + 5 * 8)
    let back = try FootprintFile.decode(bytes, cellCount: 100, altitudeCount: 2, candidateCount: 8)
    #expect(back.map(\.index) == [0, 4, 7])
    #expect(back.map(\.footprint) == Self.entries.map(\.footprint))
  }

  @Test func truncatedOverlongOrForeignFilesAreRefused() {
    let bytes = Self.encoded()
    for cut in [0, 10, 24, bytes.count - 1] {
      #expect(throws: FootprintFile.FormatError.self) {
        try FootprintFile.decode(Array(bytes.prefix(cut)), cellCount: 100, altitudeCount: 2, candidateCount: 8)
      }
    }
    #expect(throws: FootprintFile.FormatError.self) {
      try FootprintFile.decode(bytes + [0], cellCount: 100, altitudeCount: 2, candidateCount: 8)
    }
    // Another grid, other altitudes, an index beyond the candidates.
    #expect(throws: FootprintFile.FormatError.self) {
      try FootprintFile.decode(bytes, cellCount: 101, altitudeCount: 2, candidateCount: 8)
    }
    #expect(throws: FootprintFile.FormatError.self) {
      try FootprintFile.decode(bytes, cellCount: 100, altitudeCount: 1, candidateCount: 8)
    }
    #expect(throws: FootprintFile.FormatError.self) {
      try FootprintFile.decode(bytes, cellCount: 100, altitudeCount: 2, candidateCount: 7)
    }
  }

  @Test func runsOutOfOrderOrBeyondTheGridAreRefused() {
    let overlapping = FootprintFile.encode(
      [(0, CoverageFootprint(coveredCells: [[5, 6]]))], cellCount: 100, altitudeCount: 1)
    var damaged = overlapping
    // The run (5, 2) gets a count of 200: it would reach past the 100-cell grid.
    damaged[damaged.count - 4] = 200
    #expect(throws: FootprintFile.FormatError.self) {
      try FootprintFile.decode(damaged, cellCount: 100, altitudeCount: 1, candidateCount: 1)
    }
    #expect(CoverageFootprint(runs: [[.init(first: 5, count: 2), .init(first: 7, count: 1)]]) == nil)
    #expect(CoverageFootprint(runs: [[.init(first: 5, count: 0)]]) == nil)
    #expect(CoverageFootprint(runs: [[.init(first: 5, count: 2), .init(first: 8, count: 1)]]) != nil)
  }
}
