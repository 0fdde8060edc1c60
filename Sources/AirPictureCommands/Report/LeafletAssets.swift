import Foundation

/// Leaflet's script and style sheet from Debian's `libjs-leaflet`, read at run time to be inlined into the report (one
/// file that works offline and by e-mail); the style sheet's images become data URIs.
struct LeafletAssets {
  /// The folder read unless `AIRPICTURE_LEAFLET_DIR` names another.
  static let defaultFolder = "/usr/share/javascript/leaflet"
  static let environmentVariable = "AIRPICTURE_LEAFLET_DIR"

  var script: String
  var styleSheet: String

  /// Reads leaflet.js and leaflet.css; throws one line naming the folder and the package when either is missing.
  static func load(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> LeafletAssets {
    let folder = environment[environmentVariable].flatMap { $0.isEmpty ? nil : $0 } ?? defaultFolder
    let read = { (name: String) throws -> String in
      let path = (folder as NSString).appendingPathComponent(name)
      guard let data = FileManager.default.contents(atPath: path) else {
        throw CommandError(
          "the report's map needs Leaflet: '\(path)' is missing (install Debian's libjs-leaflet, or set "
            + "\(environmentVariable) to a folder holding leaflet.js and leaflet.css)")
      }
      return String(decoding: data, as: UTF8.self)
    }
    let script = try read("leaflet.js")
    var style = try read("leaflet.css")
    // url(images/layers.png) and the like: embedded, or dropped when the package lacks the file.
    for image in ["layers.png", "layers-2x.png", "marker-icon.png", "marker-icon-2x.png", "marker-shadow.png"] {
      let data = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent("images/\(image)"))
      style = style.replacingOccurrences(
        of: "url(images/\(image))",
        with: data.map { "url(data:image/png;base64,\($0.base64EncodedString()))" } ?? "none")
    }
    return LeafletAssets(script: script.replacingOccurrences(of: "</script", with: "<\\/script"), styleSheet: style)
  }
}
