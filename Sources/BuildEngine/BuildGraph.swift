/// The steps of a build and which step makes which file: ninja's graph,
/// edges (steps) between files.
struct BuildGraph {
    let steps: [BuildStep]
    /// Output path → the index of the step writing it.
    let producers: [String: Int]

    /// Fails when two steps write one file, or steps depend on each other in a cycle.
    init(_ steps: [BuildStep]) throws {
        var producers: [String: Int] = [:]
        for (index, step) in steps.enumerated() {
            for output in step.outputs {
                if let other = producers.updateValue(index, forKey: output) {
                    throw BuildError(file: output, "written by two steps: '\(steps[other].label)' and '\(step.label)'")
                }
            }
        }
        self.steps = steps
        self.producers = producers
        try checkAcyclic()
    }

    /// The steps making the inputs of step `index`.
    func dependencies(of index: Int) -> [Int] {
        steps[index].inputs.compactMap { producers[$0] }
    }

    /// Every step after the steps it depends on; ties keep plan order.
    func topologicalOrder() -> [Int] {
        var order: [Int] = []
        var visited = [Bool](repeating: false, count: steps.count)
        func visit(_ index: Int) {
            guard !visited[index] else { return }
            visited[index] = true
            dependencies(of: index).forEach(visit)
            order.append(index)
        }
        steps.indices.forEach(visit)
        return order
    }

    private func checkAcyclic() throws {
        enum Mark { case unseen, inProgress, done }
        var marks = [Mark](repeating: .unseen, count: steps.count)
        var path: [Int] = []
        func visit(_ index: Int) throws {
            switch marks[index] {
            case .done: return
            case .inProgress:
                let cycle = path.drop { $0 != index } + [index]
                throw BuildError("dependency cycle: " + cycle.map { steps[$0].label }.joined(separator: " -> "))
            case .unseen:
                marks[index] = .inProgress
                path.append(index)
                try dependencies(of: index).forEach(visit)
                path.removeLast()
                marks[index] = .done
            }
        }
        try steps.indices.forEach(visit)
    }
}
