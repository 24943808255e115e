import Loader

/// `unikit run`'s command line, parsed by hand: `unikit run` is the command
/// users feel the start-up of, and ArgumentParser's first dynamic cast scans
/// every protocol conformance in this static binary (~1.5 ms and ~4 MiB of
/// resident pages, more than the loader itself). unikit-tool's `Run` hands
/// ArgumentParser the same text for `unikit help run`.
package struct RunArguments: Equatable {
    var image: String?
    var platform: String?
    /// nil: `LoaderOptions`' default.
    var memory: Int?
    var commandLine: String?
    var timeout: Double?
    var pvh = false
    var disks: [Disk] = []
    var taps: [String] = []
    var seccomp = true
    var debugOpenAfterSetup: String?
    var guestArguments: [String] = []
    var showsHelp = false

    package static let abstract = "Boot an image built by `unikit build`."

    package static let usage = """
        USAGE: unikit run [IMAGE] [--platform NAME] [--memory SIZE] [--cmdline TEXT]
                          [--timeout SECONDS] [--pvh] [--disk FILE[,ro]]... [--net TAP]...
                          [-- GUEST-ARGUMENT...]
        """

    package static let discussion = """
        KVM images boot on unikit's own loader (/dev/kvm); linuxu images run as \
        a child process. The exit status is the guest's own.

        ARGUMENTS AND OPTIONS:
          IMAGE                   An image file. One that `unikit build` listed in
                                  its folder's build/images runs as its platform
                                  says; any other boots on the KVM loader.
                                  Default: the app folder's image from build/: the
                                  KVM one if that platform is enabled, else the
                                  only one.
          --platform NAME         The platform whose image to run (kvm, linuxu).
          --memory SIZE           Guest RAM for KVM images, e.g. 64M or 1G
                                  (default 32M, a multiple of 2M, at least 4M).
          --cmdline TEXT          The guest's command line: KVM images get it in
                                  their boot info, linuxu images as arguments
                                  (split as the guest splits it). Guest arguments
                                  after -- follow it.
          --timeout SECONDS       Stop a guest still running after this long.
          --disk FILE[,ro]        A virtio-blk disk (virtio-mmio) backed by FILE,
                                  read-only with ",ro"; repeatable. KVM images.
          --net TAP               A virtio-net device (virtio-mmio) on the host's
                                  tap interface TAP (made if missing; needs
                                  CAP_NET_ADMIN); repeatable. KVM images.
          --pvh                   Boot a KVM image through its Xen PVH entry
                                  (32-bit protected mode, struct hvm_start_info,
                                  as QEMU and Firecracker boot it) instead of
                                  unikit's 64-bit entry. Images with only a PVH
                                  entry (any PVH kernel) always boot this way.
          --no-seccomp            Do not confine the loader to the run loop's
                                  syscalls (for strace or gdb).
          --debug-open-after-setup PATH
                                  Try to open PATH once the loader is confined:
                                  the syscall filter must kill it (status 159).
          -h, --help              Show this help.

        \(LoaderExitCode.helpText)
          64     a usage error in these options
          159    the loader tried a syscall outside its allowlist (SIGSYS)
        """

    /// Parses the arguments after `run`.
    init(_ arguments: [String]) throws(RunUsageError) {
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            if argument == "--" {
                guestArguments = Array(rest)
                return
            }
            guard argument.hasPrefix("-") else {
                guard image == nil else {
                    throw RunUsageError("unexpected argument '\(argument)' (guest arguments go after --)")
                }
                image = argument
                continue
            }
            var (name, attached) = (argument, String?.none)
            if let equals = argument.firstIndex(of: "="), argument.hasPrefix("--") {
                name = String(argument[..<equals])
                attached = String(argument[argument.index(after: equals)...])
            }
            func value() throws(RunUsageError) -> String {
                if let attached { return attached }
                guard let next = rest.popFirst() else { throw RunUsageError("\(name) needs a value") }
                return next
            }
            func flag() throws(RunUsageError) {
                guard attached == nil else { throw RunUsageError("\(name) takes no value") }
            }
            switch name {
            case "--platform": platform = try value()
            case "--memory": memory = try Self.memorySize(try value())
            case "--cmdline": commandLine = try value()
            case "--timeout": timeout = try Self.seconds(try value())
            case "--pvh": try flag(); pvh = true
            case "--disk": disks.append(Self.disk(try value()))
            case "--net": taps.append(try value())
            case "--no-seccomp": try flag(); seccomp = false
            case "--debug-open-after-setup": debugOpenAfterSetup = try value()
            case "-h", "--help": try flag(); showsHelp = true
            default: throw RunUsageError("unknown option '\(argument)'")
            }
        }
    }

    /// Sizes like "512K", "64M", "1G" or a plain number of bytes.
    static func memorySize(_ text: String) throws(RunUsageError) -> Int {
        let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        let unit = text.last.flatMap { units[Character($0.uppercased())] }
        let digits = unit == nil ? Substring(text) : text.dropLast()
        guard let count = Int(digits), count > 0 else {
            throw RunUsageError("--memory '\(text)': expected a size such as 64M or 1G")
        }
        let (bytes, overflow) = count.multipliedReportingOverflow(by: unit ?? 1)
        guard !overflow else { throw RunUsageError("--memory '\(text)' is too large") }
        return bytes
    }

    /// `FILE` or `FILE,ro`.
    static func disk(_ text: String) -> Disk {
        text.hasSuffix(",ro") ? Disk(path: String(text.dropLast(3)), readOnly: true) : Disk(path: text)
    }

    /// Positive seconds, e.g. "2" or "0.5", at most a day.
    static func seconds(_ text: String) throws(RunUsageError) -> Double {
        guard let seconds = Double(text), seconds > 0, seconds <= 86_400 else {
            throw RunUsageError("--timeout '\(text)': expected seconds between 0 and 86400, e.g. 2 or 0.5")
        }
        return seconds
    }
}

/// A mistake in `unikit run`'s options (status 64, as ArgumentParser's).
struct RunUsageError: Error, Equatable {
    static let status: Int32 = 64
    var message: String
    init(_ message: String) { self.message = message }
}

/// The command line a guest receives: `--cmdline` then the guest arguments.
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

    /// Splits a line as the guest does: blanks separate, double quotes group,
    /// a backslash takes the next character literally.
    static func split(_ line: String) -> [String] {
        var arguments: [String] = []
        var current: [Character]?
        var quoted = false
        var escaped = false
        for character in line {
            if escaped {
                current = (current ?? []) + [character]
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                quoted.toggle()
                current = current ?? []
            } else if !quoted && " \t\n\r".contains(character) {
                if let argument = current { arguments.append(String(argument)) }
                current = nil
            } else {
                current = (current ?? []) + [character]
            }
        }
        if escaped { current = (current ?? []) + ["\\"] }
        if let argument = current { arguments.append(String(argument)) }
        return arguments
    }

    /// The whole line a KVM guest gets.
    static func line(_ commandLine: String?, _ arguments: [String]) -> String {
        ([commandLine].compactMap { $0 } + (arguments.isEmpty ? [] : [joining(arguments)])).joined(separator: " ")
    }
}
