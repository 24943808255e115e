import Foundation
import Testing

/// The threads example (cooperative threads, uksched) prints the same lines
/// on every platform and every run: their order comes from deadlines on a
/// 10 ms grid and first-come-first-served queues, never from timing noise.
@Suite struct ThreadsExampleTests {
    static let built = Result { try BuiltExample(example: "threads") }

    static let expected = """
        tickers: 3 threads wake on a 10 ms grid
        [ 10 ms] alpha: tick 1
        [ 20 ms] beta: tick 1
        [ 30 ms] gamma: tick 1
        [ 40 ms] alpha: tick 2
        [ 50 ms] beta: tick 2
        [ 60 ms] gamma: tick 2
        [ 70 ms] alpha: tick 3
        [ 80 ms] beta: tick 3
        [ 90 ms] gamma: tick 3
        counter: 3 threads add 1000 each, yielding inside the update
        counter: without a mutex 1000, with a mutex 3000
        buffer: 8 items through 3 slots to 2 consumers
                 producer: puts item 1
                 producer: puts item 2
                 producer: puts item 3
                 producer: buffer full, waits to put item 4
        [  0 ms] consumer-1: takes item 1
        [  0 ms] consumer-2: takes item 2
                 producer: puts item 4
                 producer: puts item 5
                 producer: buffer full, waits to put item 6
        [ 50 ms] consumer-1: takes item 3
                 producer: puts item 6
                 producer: buffer full, waits to put item 7
        [100 ms] consumer-2: takes item 4
                 producer: puts item 7
                 producer: buffer full, waits to put item 8
        [150 ms] consumer-1: takes item 5
                 producer: puts item 8
        [200 ms] consumer-2: takes item 6
        [250 ms] consumer-1: takes item 7
        [300 ms] consumer-2: takes item 8
        buffer: consumer-1 took 4 items
        buffer: consumer-2 took 4 items
        threads: done: 9 ticks, counter 3000, 8 items consumed
        """

    func expectExpectedOutput(_ result: ProcessOutput, status: Int32) {
        #expect(result.status == status, "stderr: \(result.stderr)")
        #expect(result.stdout.replacingOccurrences(of: "\r\n", with: "\n") == Self.expected + "\n")
    }

    @Test func linuxu() throws {
        let example = try Self.built.get()
        expectExpectedOutput(try runProcess([example.app.image("linuxu")], timeout: 60), status: 0)
    }

    @Test(.enabled(if: Host.hasKVM, "needs /dev/kvm: boots on unikit's KVM loader"))
    func unikitLoader() throws {
        let example = try Self.built.get()
        let result = try runProcess([Host.unikit, "run"], in: example.app.folder, timeout: 120)
        expectExpectedOutput(result, status: 0)
    }

    @Test(.enabled(if: Host.qemu != nil, "needs qemu-system-x86_64"), arguments: ["microvm", "pc"])
    func qemu(_ machine: String) throws {
        let example = try Self.built.get()
        var result = try runProcess(QEMU.command(machine: machine, image: example.app.image("kvm"), append: ""),
                                    timeout: 120)
        // SeaBIOS (pc) greets on the serial port before the image starts.
        if machine == "pc", let start = result.stdout.range(of: "tickers: ") {
            result.stdout = String(result.stdout[start.lowerBound...])
        }
        expectExpectedOutput(result, status: QEMU.status(forGuestStatus: 0))
    }

    /// `--timeout` stops a guest mid-run on either runner: the output so far
    /// stays, the message and status 124 follow. (The tickers idle through
    /// the loader's idle port, so the timeout also cuts a host-side sleep.)
    @Test(arguments: ["kvm", "linuxu"])
    func timeoutStopsTheGuest(_ platform: String) throws {
        guard platform == "linuxu" || Host.hasKVM else { return }
        let example = try Self.built.get()
        let result = try runProcess([Host.unikit, "run", "--platform", platform, "--timeout", "0.05"],
                                    in: example.app.folder, timeout: 60)
        #expect(result.status == 124, "stderr: \(result.stderr)")
        #expect(result.stderr.hasPrefix("unikit run: guest stopped: still running after --timeout 0.05s"))
        #expect(Self.expected.hasPrefix(result.stdout), "the lines before the stop: \(result.stdout)")
        #expect(!result.stdout.contains("threads: done"))
    }

    /// "bench" measures a yield round trip instead of running the parts.
    @Test func benchReportsTheRoundTrip() throws {
        let example = try Self.built.get()
        let result = try runProcess([example.app.image("linuxu"), "bench"], timeout: 60)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("bench: yield round trip (2 switches): "), "\(result.stdout)")
    }
}
