import Foundation

/// Ground distance and azimuth from the radar to every cell centre of a grid, from per-row and per-column
/// tables so the per-cell cost is a few multiplications (great circle for geographic grids, planar otherwise).
struct CellPolarCoordinates {
  private let geographic: Bool
  private let radius: Double
  // Geographic: per row sin²(Δφ/2), cos φ0 cos φ, cos φ0 sin φ, sin φ0 cos φ, cos φ; per column sin²(Δλ/2), sin Δλ, cos Δλ.
  // Projected: per row Δy and per column Δx (the other tables empty).
  private var rowA: [Double] = []
  private var rowB: [Double] = []
  private var rowC: [Double] = []
  private var rowD: [Double] = []
  private var rowE: [Double] = []
  private var columnA: [Double] = []
  private var columnB: [Double] = []
  private var columnC: [Double] = []

  init(geometry: GridGeometry, origin: MapPoint, earthRadius: Double) {
    radius = earthRadius
    geographic = geometry.coordinateSystem == .geographic
    let rows = 0..<geometry.height
    let columns = 0..<geometry.width
    if geographic {
      let phi0 = origin.y * .pi / 180
      for row in rows {
        let phi = geometry.y(ofRow: Double(row)) * .pi / 180
        let half = sin((phi - phi0) / 2)
        rowA.append(half * half)
        rowB.append(cos(phi0) * cos(phi))
        rowC.append(cos(phi0) * sin(phi))
        rowD.append(sin(phi0) * cos(phi))
        rowE.append(cos(phi))
      }
      for column in columns {
        let lambda = (geometry.x(ofColumn: Double(column)) - origin.x) * .pi / 180
        let half = sin(lambda / 2)
        columnA.append(half * half)
        columnB.append(sin(lambda))
        columnC.append(cos(lambda))
      }
    } else {
      rowA = rows.map { geometry.y(ofRow: Double($0)) - origin.y }
      columnA = columns.map { geometry.x(ofColumn: Double($0)) - origin.x }
    }
  }

  /// Calls `body(column, distance, azimuth)` for every cell of `row`, in column order.
  @inline(__always) func forEachCell(inRow row: Int, _ body: (Int, Double, Double) -> Void) {
    if geographic {
      let a = rowA[row]
      let b = rowB[row]
      let c = rowC[row]
      let d = rowD[row]
      let e = rowE[row]
      columnA.withUnsafeBufferPointer { havLambda in
        columnB.withUnsafeBufferPointer { sinLambda in
          columnC.withUnsafeBufferPointer { cosLambda in
            for column in 0..<havLambda.count {
              let haversine = a + b * havLambda[column]
              let distance = 2 * radius * FastMath.smallArcsine(haversine.squareRoot())
              let azimuth = FastMath.azimuth(east: e * sinLambda[column], north: c - d * cosLambda[column])
              body(column, distance, azimuth)
            }
          }
        }
      }
    } else {
      let north = rowA[row]
      columnA.withUnsafeBufferPointer { east in
        for column in 0..<east.count {
          let distance = (east[column] * east[column] + north * north).squareRoot()
          body(column, distance, FastMath.azimuth(east: east[column], north: north))
        }
      }
    }
  }
}
