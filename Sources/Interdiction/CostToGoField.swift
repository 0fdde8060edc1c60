/// The cost of the cheapest way from every block of a `RouteGrid` to a set of goal blocks (Dijkstra over eight
/// neighbours), and the next block on it: a flight anywhere follows `next` to the goal without searching again.
/// Costs are symmetric, so the way back from the goal is the same chain reversed.
struct CostToGoField: Sendable {
  /// Cost to the goal per block; infinity where the goal cannot be reached.
  let cost: [Float]
  /// The next block towards the goal; -1 at a goal block and where the goal cannot be reached.
  let next: [Int32]

  /// The field over `grid` where only `passable` blocks may be entered; a step costs its length times
  /// `1 + weight × exposure` (the mean exposure of the two blocks). A diagonal step needs both blocks beside it
  /// passable, so it never cuts the corner of a ridge. The search stops once every block of `needed` is settled
  /// (or cannot be reached); blocks it had not settled then count as unreachable.
  init(grid: RouteGrid, passable: [Bool], exposure: [Float]?, weight: Double, goals: [Int], needed: [Int]) {
    let count = grid.width * grid.height
    var cost = [Float](repeating: .infinity, count: count)
    var next = [Int32](repeating: -1, count: count)
    var settled = [Bool](repeating: false, count: count)
    var isNeeded = [Bool](repeating: false, count: count)
    for block in needed where passable[block] { isNeeded[block] = true }
    var neededLeft = isNeeded.lazy.filter { $0 }.count
    var heap = MinimumHeap()
    for goal in goals where passable[goal] && cost[goal] != 0 {
      cost[goal] = 0
      heap.push(0, Int32(goal))
    }
    let weight = Float(weight)
    while let (reached, cellIndex) = heap.pop() {
      let cell = Int(cellIndex)
      guard !settled[cell], reached <= cost[cell] else { continue }
      settled[cell] = true
      if isNeeded[cell] {
        neededLeft -= 1
        if neededLeft == 0 { break }
      }
      let column = cell % grid.width
      let row = cell / grid.width
      for dy in -1...1 {
        for dx in -1...1 where dx != 0 || dy != 0 {
          let x = column + dx
          let y = row + dy
          guard x >= 0, y >= 0, x < grid.width, y < grid.height else { continue }
          let neighbour = y * grid.width + x
          guard passable[neighbour] else { continue }
          if dx != 0 && dy != 0 {
            guard passable[row * grid.width + x], passable[y * grid.width + column] else { continue }
          }
          let eastWest = Double(dx) * (grid.blockWidth[row] + grid.blockWidth[y]) / 2
          let northSouth = Double(dy) * grid.blockHeight
          var step = Float((eastWest * eastWest + northSouth * northSouth).squareRoot())
          if let exposure { step *= 1 + weight * (exposure[cell] + exposure[neighbour]) / 2 }
          let candidate = reached + step
          if candidate < cost[neighbour] {
            cost[neighbour] = candidate
            next[neighbour] = Int32(cell)
            heap.push(candidate, Int32(neighbour))
          }
        }
      }
    }
    for block in 0..<count where !settled[block] {
      cost[block] = .infinity
      next[block] = -1
    }
    self.cost = cost
    self.next = next
  }

  /// The blocks from `cell` to the goal, both included; nil when the goal cannot be reached from it.
  func chain(from cell: Int) -> [Int]? {
    guard cost[cell].isFinite else { return nil }
    var blocks = [cell]
    var current = cell
    while next[current] >= 0 {
      current = Int(next[current])
      blocks.append(current)
    }
    return blocks
  }
}

/// A binary min-heap of (cost, block) for Dijkstra.
private struct MinimumHeap {
  private var items: [(cost: Float, cell: Int32)] = []

  mutating func push(_ cost: Float, _ cell: Int32) {
    items.append((cost, cell))
    var child = items.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard items[child].cost < items[parent].cost else { break }
      items.swapAt(child, parent)
      child = parent
    }
  }

  mutating func pop() -> (Float, Int32)? {
    guard let first = items.first else { return nil }
    let last = items.removeLast()
    if !items.isEmpty {
      items[0] = last
      var parent = 0
      while true {
        let left = 2 * parent + 1
        let right = left + 1
        var smallest = parent
        if left < items.count, items[left].cost < items[smallest].cost { smallest = left }
        if right < items.count, items[right].cost < items[smallest].cost { smallest = right }
        guard smallest != parent else { break }
        items.swapAt(parent, smallest)
        parent = smallest
      }
    }
    return (first.cost, first.cell)
  }
}
