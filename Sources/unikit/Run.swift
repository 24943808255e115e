import ArgumentParser
import BuildEngine
import Glibc
import Loader
import SystemSupport

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Boot an image built by `unikit build`.",
        discussion: """
            KVM images boot on unikit's own loader (/dev/kvm); linuxu images run as \
            a child process. Without --platform: the KVM image if that platform is \
            enabled, else the only enabled platform's image. The exit status is the \
            guest's own.

            \(LoaderExitCode.helpText)
            """)

    @Option(help: "The platform whose image to run.")
    var platform: String?

    @Option(help: "Guest memory for KVM images, e.g. 64M or 1G.")
    var memory = "32M"

    @Argument(parsing: .postTerminator, help: "Arguments for the guest (after --).")
    var guestArguments: [String] = []

    func run() throws {
        let context = try AppContext()
        let images = try context.describeImages(try context.loadConfiguredKconfig())
        let image = try chooseImage(images)
        let path = Path.join(context.workspace.buildFolder, image.name)
        guard FileSystem.isRegularFile(path) else {
            throw ValidationError("\(context.workspace.displayPath(path)) does not exist: run `unikit build` first")
        }
        switch image.runner {
        case .kvm: try boot(path)
        case .process: throw ExitCode(try ProcessRunner.runAttached([path] + guestArguments))
        }
    }

    private func boot(_ path: String) throws {
        var options = LoaderOptions()
        options.memorySize = try MemorySize.parse(memory)
        // A closed console pipe must end the run with an error, not kill us.
        signal(SIGPIPE, SIG_IGN)
        options.commandLine = GuestCommandLine.joining(guestArguments)
        let outcome: GuestExit
        do {
            outcome = try bootImage(path: path, options: options)
        } catch {
            printWarning("unikit run: \(error)")
            throw ExitCode(LoaderExitCode.setupFailed)
        }
        if case .exited = outcome {} else { printWarning("unikit run: \(outcome.description)") }
        throw ExitCode(outcome.exitCode)
    }

    private func chooseImage(_ images: [ImageDescription]) throws -> ImageDescription {
        if let platform {
            guard let image = images.first(where: { $0.platform.name == platform }) else {
                throw ValidationError("platform '\(platform)' is not enabled in .config")
            }
            return image
        }
        if let kvm = images.first(where: { $0.runner == .kvm }) { return kvm }
        guard images.count == 1, let only = images.first else {
            let names = images.map(\.platform.name).joined(separator: ", ")
            throw ValidationError(images.isEmpty ? "no platform is enabled in .config" : "several platforms are enabled (\(names)): choose one with --platform")
        }
        return only
    }
}

/// Sizes like "512K", "64M", "1G" or a plain number of bytes.
enum MemorySize {
    static func parse(_ text: String) throws -> Int {
        let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        let unit = text.last.flatMap { units[Character($0.uppercased())] }
        let digits = unit == nil ? Substring(text) : text.dropLast()
        guard let count = Int(digits), count > 0 else {
            throw ValidationError("--memory '\(text)': expected a size such as 64M or 1G")
        }
        let (bytes, overflow) = count.multipliedReportingOverflow(by: unit ?? 1)
        guard !overflow else { throw ValidationError("--memory '\(text)' is too large") }
        return bytes
    }
}

/// The command line a kvm guest receives in its boot info.
enum GuestCommandLine {
    /// Joins arguments into one line that the guest's splitter
    /// (`ukplat_cmdline_split`) turns back into the same arguments.
    static func joining(_ arguments: [String]) -> String {
        arguments.map { argument in
            let plain = !argument.isEmpty && !argument.contains { " \t\n\r\"\\".contains($0) }
            if plain { return argument }
            let escaped = argument.flatMap { $0 == "\"" || $0 == "\\" ? ["\\", $0] : [$0] }
            return "\"" + String(escaped) + "\""
        }.joined(separator: " ")
    }
}
