import CoverageKernel
import Dispatch

/// Best-of-N wall time of the kernel on one site and terrain.
struct KernelTiming {
  let seconds: Double
  let field: CoverageField

  init(kernel: LineOfSightKernel, site: RadarSite, terrain: ElevationGrid, repeats: Int) {
    var best = Double.infinity
    var last: CoverageField?
    for _ in 0..<max(repeats, 1) {
      let start = DispatchTime.now().uptimeNanoseconds
      last = kernel.coverage(of: site, over: terrain)
      best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    seconds = best
    field = last!
  }
}
