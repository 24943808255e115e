/// Which of the steps to run may start now (ninja's `Plan`): a step is
/// ready once every step making one of its inputs has finished. Ready steps
/// start in plan order, so that the output of a one-job build is stable.
struct BuildSchedule {
    private let graph: BuildGraph
    /// For each step to run, how many of the steps it waits for are unfinished.
    private var waitingFor: [Int: Int] = [:]
    /// Step → the steps to run that wait for it.
    private var dependents: [Int: [Int]] = [:]
    /// Ready steps, sorted in descending order so the next one is `last`.
    private var ready: [Int] = []
    private(set) var unfinished: Int

    init(graph: BuildGraph, toRun: some Collection<Int>) {
        self.graph = graph
        unfinished = toRun.count
        let running = Set(toRun)
        for index in running {
            let awaited = Set(graph.dependencies(of: index).filter(running.contains))
            waitingFor[index] = awaited.count
            for dependency in awaited { dependents[dependency, default: []].append(index) }
            if awaited.isEmpty { ready.append(index) }
        }
        ready.sort(by: >)
    }

    /// The next step that may start, removed from the ready ones.
    mutating func next() -> Int? {
        ready.popLast()
    }

    /// Marks a step done; the steps waiting only for it become ready.
    mutating func finished(_ index: Int) {
        unfinished -= 1
        for dependent in dependents[index] ?? [] {
            waitingFor[dependent]! -= 1
            if waitingFor[dependent] == 0 {
                let position = ready.firstIndex { $0 < dependent } ?? ready.endIndex
                ready.insert(dependent, at: position)
            }
        }
    }
}
