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

  /// Writes the distance (metres) and azimuth (radians) of the cells of `row` in `columns` to `distance` and
  /// `azimuth`, indexed from 0.
  func fill(
    row: Int, columns: Range<Int>, distance: UnsafeMutablePointer<Double>, azimuth: UnsafeMutablePointer<Double>
  ) {
    let count = columns.count
    if geographic {
      let a = rowA[row]
      let b = rowB[row]
      let c = rowC[row]
      let d = rowD[row]
      let e = rowE[row]
      let twoR = 2 * radius
      columnA.withUnsafeBufferPointer { havLambda in
        columnB.withUnsafeBufferPointer { sinLambda in
          columnC.withUnsafeBufferPointer { cosLambda in
            let hav = havLambda.baseAddress! + columns.lowerBound
            let sinL = sinLambda.baseAddress! + columns.lowerBound
            let cosL = cosLambda.baseAddress! + columns.lowerBound
            for index in 0..<count {
              distance[index] = twoR * FastMath.smallArcsine((a + b * hav[index]).squareRoot())
            }
            for index in 0..<count {
              azimuth[index] = FastMath.azimuth(east: e * sinL[index], north: c - d * cosL[index])
            }
          }
        }
      }
    } else {
      let north = rowA[row]
      columnA.withUnsafeBufferPointer { eastBuffer in
        let east = eastBuffer.baseAddress! + columns.lowerBound
        for index in 0..<count {
          distance[index] = (east[index] * east[index] + north * north).squareRoot()
        }
        for index in 0..<count {
          azimuth[index] = FastMath.azimuth(east: east[index], north: north)
        }
      }
    }
  }
}
