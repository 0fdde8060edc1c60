import CoverageKernel
import Dispatch

/// Wall time of the kernel on one site and terrain: the first (cold) run, which pays for fresh memory, and the
/// best of `repeats` warm runs that reuse a workspace, as a network run does from its second radar on.
struct KernelTiming {
  let seconds: Double
  let coldSeconds: Double
  let field: CoverageField

  init(kernel: LineOfSightKernel, site: RadarSite, terrain: ElevationGrid, repeats: Int) throws {
    let workspace = CoverageWorkspace()
    var best = Double.infinity
    var last: CoverageField?
    var first = 0.0
    for run in 0...max(repeats, 1) {
      if let previous = last.take() { workspace.recycle(previous) }
      let start = DispatchTime.now().uptimeNanoseconds
      last = try kernel.coverage(of: site, over: terrain, workspace: workspace)
      let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
      if run == 0 { first = elapsed } else { best = min(best, elapsed) }
    }
    seconds = best
    coldSeconds = first
    field = last!
  }
}
