import BuiltImages
import Glibc
import Loader
import SystemPackage
import SystemSupport

/// `unikit run`: finds the image (`build/images` or the IMAGE argument),
/// then boots it on the KVM loader or starts it as a process. Touches no
/// Kconfig and no ArgumentParser: see `RunArguments`.
package enum RunCommand {
    /// Runs `unikit run <arguments>`; returns the process's exit status.
    package static func main(_ arguments: [String]) -> Int32 {
        do {
            let options = try RunArguments(arguments)
            if options.showsHelp {
                report("OVERVIEW: \(RunArguments.abstract)\n\n\(RunArguments.usage)\n\n\(RunArguments.discussion)", to: .standardOutput)
                return 0
            }
            let (path, runner) = try image(options)
            switch runner {
            case .kvm: return boot(path, options)
            case .process: return try start(path, options)
            }
        } catch let error as RunUsageError {
            report("Error: \(error.message)\n\(RunArguments.usage)\n  See 'unikit run --help' for more information.")
            return RunUsageError.status
        } catch let error as RunSetupError {
            report("unikit run: \(error.message)")
            return LoaderExitCode.setupFailed
        } catch {
            report("unikit run: \(error)")
            return LoaderExitCode.setupFailed
        }
    }

    /// The image file and how to run it.
    private static func image(_ options: RunArguments) throws -> (String, Runner) {
        if let path = options.image {
            guard options.platform == nil else {
                throw RunUsageError("give IMAGE or --platform, not both")
            }
            let listed = try ImageIndex.read(buildFolder: Path.directory(of: path))?.entries
                .first { $0.file == Path.lastComponent(of: path) }
            return (path, listed?.runner ?? .kvm)
        }
        let app = FileSystem.currentDirectory()
        let buildFolder = Path.join(app, "build")
        guard let index = try ImageIndex.read(buildFolder: buildFolder), !index.entries.isEmpty else {
            guard FileSystem.isRegularFile(Path.join(app, "Manifest")) else {
                throw RunSetupError("\(app) is not an application folder (it has no Manifest): run unikit inside one, or give an IMAGE")
            }
            throw RunSetupError("no images in build/: run `unikit build` first")
        }
        let entry = try choose(options.platform, from: index.entries)
        let path = Path.join(buildFolder, entry.file)
        guard FileSystem.isRegularFile(path) else {
            throw RunSetupError("build/\(entry.file) does not exist: run `unikit build` first")
        }
        if isNewer(Path.join(app, ".config"), than: Path.join(buildFolder, ImageIndex.fileName)) {
            report("unikit run: warning: .config changed after the last build; running the image built before (run `unikit build` to update it)")
        }
        return (path, entry.runner)
    }

    private static func choose(_ platform: String?, from entries: [ImageIndex.Entry]) throws -> ImageIndex.Entry {
        let names = entries.map(\.platform).joined(separator: ", ")
        if let platform {
            guard let entry = entries.first(where: { $0.platform == platform }) else {
                throw RunSetupError("no \(platform) image in build/ (built: \(names)); enable the platform and run `unikit build`")
            }
            return entry
        }
        if let kvm = entries.first(where: { $0.runner == .kvm }) { return kvm }
        guard entries.count == 1 else {
            throw RunSetupError("several platforms are built (\(names)): choose one with --platform")
        }
        return entries[0]
    }

    /// Boots on the KVM loader, confined by its syscall filter once set up.
    private static func boot(_ path: String, _ arguments: RunArguments) -> Int32 {
        var options = LoaderOptions()
        options.memorySize = arguments.memory ?? options.memorySize
        options.commandLine = GuestCommandLine.line(arguments.commandLine, arguments.guestArguments)
        options.timeout = arguments.timeout
        options.bootsThroughPVH = arguments.pvh
        options.disks = arguments.disks
        options.taps = arguments.taps
        options.confinesProcess = arguments.seccomp
        if let debugPath = arguments.debugOpenAfterSetup {
            options.afterSetup = { tryOpen(debugPath) }
        }
        // A closed console pipe must end the run with an error, not kill us.
        signal(SIGPIPE, SIG_IGN)
        let outcome: GuestExit
        do {
            outcome = try bootImage(path: path, options: options)
        } catch {
            report("unikit run: \(error)")
            return LoaderExitCode.setupFailed
        }
        if case .exited = outcome {} else { report("unikit run: \(outcome.description)") }
        return outcome.exitCode
    }

    /// `--debug-open-after-setup`: the syscall filter kills the process
    /// inside `open`; without the filter the file opens.
    private static func tryOpen(_ path: String) {
        report("unikit run: debug: opening \(path) after setup")
        let fd = open(path, O_RDONLY)
        report(fd >= 0 ? "unikit run: debug: opened \(path)" : "unikit run: debug: cannot open \(path): \(Errno(rawValue: errno))")
        if fd >= 0 { close(fd) }
    }

    /// Starts a linuxu image with `--cmdline`'s words and the guest arguments.
    private static func start(_ path: String, _ arguments: RunArguments) throws -> Int32 {
        guard arguments.memory == nil else {
            throw RunUsageError("--memory applies to KVM images; a linuxu image's heap is CONFIG_LINUXU_HEAP_SIZE_MB")
        }
        guard arguments.disks.isEmpty && arguments.taps.isEmpty else {
            throw RunUsageError("--disk and --net apply to KVM images (virtio devices)")
        }
        let argv = [path] + GuestCommandLine.split(arguments.commandLine ?? "") + arguments.guestArguments
        let child: ChildProcess
        do {
            child = try ChildProcess(argv)
        } catch {
            throw RunSetupError("\(path): cannot start: \(error)")
        }
        guard let timeout = arguments.timeout else { return child.wait() }
        let deadline = RunDeadline(seconds: timeout)
        deadline.arm()
        guard let status = child.wait(givingUpWhen: { deadline.hasPassed }) else {
            report("unikit run: \(GuestExit.timeoutMessage(seconds: timeout))")
            return LoaderExitCode.timeout
        }
        return status
    }

    private static func isNewer(_ path: String, than other: String) -> Bool {
        var first = stat(), second = stat()
        guard stat(path, &first) == 0, stat(other, &second) == 0 else { return false }
        return (first.st_mtim.tv_sec, first.st_mtim.tv_nsec) > (second.st_mtim.tv_sec, second.st_mtim.tv_nsec)
    }

    private static func report(_ text: String, to descriptor: FileDescriptor = .standardError) {
        _ = try? descriptor.writeAll("\(text)\n".utf8)
    }
}

/// The image cannot be found or started (status 120, as the loader's setup errors).
struct RunSetupError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
