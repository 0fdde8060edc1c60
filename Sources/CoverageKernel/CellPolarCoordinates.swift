import Foundation

/// Ground distance and azimuth from the radar to every cell centre of a grid, from per-row and per-column
/// tables so the per-cell cost is a few multiplications (great circle for geographic grids, planar otherwise).
struct CellPolarCoordinates {
  fileprivate let geographic: Bool
  fileprivate let radius: Double
  // Geographic: per row sin²(Δφ/2), cos φ0 cos φ, cos φ0 sin φ, sin φ0 cos φ, cos φ; per column sin²(Δλ/2), sin Δλ, cos Δλ.
  // Projected: per row Δy and per column Δx (the other tables empty).
  fileprivate var rowA: [Double] = []
  fileprivate var rowB: [Double] = []
  private var rowC: [Double] = []
  private var rowD: [Double] = []
  private var rowE: [Double] = []
  fileprivate var columnA: [Double] = []
  private var columnB: [Double] = []
  private var columnC: [Double] = []
  /// Columns of the grid.
  let columns: Int
  /// The column nearest the radar's meridian (or easting): distances along any row fall toward it and rise past it.
  private(set) var nearestColumn = 0

  init(geometry: GridGeometry, origin: MapPoint, earthRadius: Double) {
    radius = earthRadius
    geographic = geometry.coordinateSystem == .geographic
    self.columns = geometry.width
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
    // Geographic tables hold sin²(Δλ/2), projected ones Δx: either way the smallest magnitude is nearest.
    nearestColumn = columnA.indices.min { abs(columnA[$0]) < abs(columnA[$1]) } ?? 0
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

extension CellPolarCoordinates {
  /// The ground distance of one cell centre, computed exactly as `fill` computes it (so both agree to the bit).
  func distance(row: Int, column: Int) -> Double {
    if geographic {
      return 2 * radius * FastMath.smallArcsine((rowA[row] + rowB[row] * columnA[column]).squareRoot())
    }
    let east = columnA[column]
    let north = rowA[row]
    return (east * east + north * north).squareRoot()
  }
}
