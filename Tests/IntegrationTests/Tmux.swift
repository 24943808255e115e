import Foundation

/// A program running in a detached tmux window of a private tmux server:
/// keys go in with `send-keys`, the screen comes out with `capture-pane`.
final class Tmux {
    private let socket = "unikit-test-\(UUID().uuidString)"

    /// Starts `command` (a shell command line) in `folder` on a terminal of
    /// `width`×`height`; the window stays after it exits, showing `EXITED=<status>`.
    init(_ command: String, in folder: String, environment: [String: String] = [:],
         width: Int = 80, height: Int = 24) throws {
        let exports = environment.map { "\($0.key)=\(shellQuoted($0.value))" }.sorted().joined(separator: " ")
        let script = "cd \(shellQuoted(folder)) && env LANG=C.UTF-8 TERM=tmux-256color \(exports) \(command); echo EXITED=$?; sleep 600"
        let result = tmux(["-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)", "sh", "-c", script])
        guard result.status == 0 else { throw TmuxError.failed("tmux new-session: \(result.output)") }
    }

    deinit {
        _ = tmux(["kill-server"])
    }

    /// Sends keys by tmux's names (`Down`, `Enter`, `Escape`, `F6`, `BSpace`).
    func send(_ keys: String...) throws {
        let result = tmux(["send-keys"] + keys)
        guard result.status == 0 else { throw TmuxError.failed("tmux send-keys: \(result.output)") }
    }

    /// Sends text as it is.
    func type(_ text: String) throws {
        let result = tmux(["send-keys", "-l", text])
        guard result.status == 0 else { throw TmuxError.failed("tmux send-keys: \(result.output)") }
    }

    var screen: String { tmux(["capture-pane", "-p"]).output }

    /// Runs tmux with C's `system`: the tmux server this starts keeps every
    /// inherited descriptor open, which would make Foundation's `Process`
    /// wait for it forever.
    private func tmux(_ arguments: [String]) -> (status: Int32, output: String) {
        let output = NSTemporaryDirectory() + "tmux-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: output) }
        let line = (["tmux", "-L", socket] + arguments).map(shellQuoted).joined(separator: " ")
        let status = system("\(line) </dev/null >\(output) 2>&1")
        return (status, (try? String(contentsOfFile: output, encoding: .utf8)) ?? "")
    }

    /// Waits until the screen shows `text`; returns that screen.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 20) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = screen
            if last.contains(text) { return last }
            usleep(50_000)
        }
        throw TmuxError.failed("timed out waiting for '\(text)'; the screen shows:\n\(last)")
    }

    static let isAvailable: Bool = {
        if system("tmux -V >/dev/null 2>&1") == 0 { return true }
        FileHandle.standardError.write(Data("*** tmux is missing: SKIPPING the menuconfig terminal tests (Scripts/setup installs it) ***\n".utf8))
        return false
    }()
}

enum TmuxError: Error, CustomStringConvertible {
    case failed(String)
    var description: String { if case .failed(let text) = self { text } else { "" } }
}

func shellQuoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
