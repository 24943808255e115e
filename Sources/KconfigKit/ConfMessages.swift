import Glibc
import SystemPackage

/// The texts Linux 6.1's `conf` prints, in one place (conf.c, confdata.c).
enum ConfMessages {
    /// `conf_message`: on stdout, unless `-s`.
    static func note(_ text: String) -> String { "#\n# \(text)\n#\n" }

    /// `conf_warning`: a `.config` line that was ignored (stderr).
    static func warning(_ diagnostic: Diagnostic) -> String {
        "\(diagnostic.file):\(diagnostic.line):warning: \(diagnostic.message)\n"
    }

    static func missingDefconfig(_ file: String) -> String {
        "***\n*** Can't find default configuration \"\(file)\"!\n***\n"
    }

    static func unreadableAllConfig(_ file: String) -> String {
        "*** Can't read seed configuration \"\(file)\"!\n"
    }

    static func missingAllConfig(_ file: String) -> String {
        "*** KCONFIG_ALLCONFIG set, but no \"\(file)\" or \"all.config\" file found\n"
    }

    static let needsExplicitUpdate = "\n*** The configuration requires explicit update.\n\n"
    static let writeFailed = "\n*** Error during writing of the configuration.\n\n"
    static let syncFailed = "\n*** Error during sync of the configuration.\n\n"
    /// Linux's own text, its stray `n` included.
    static func savedefconfigFailed(_ file: String) -> String { "n*** Error while saving defconfig to: \(file)\n\n" }
    static let probabilityOutOfRange = "KCONFIG_PROBABILITY: Numerical result out of range\n"

    /// C's `strerror` text for an error thrown by a file operation.
    static func describe(_ error: Error) -> String {
        let code = (error as? Errno)?.rawValue ?? EIO
        return String(cString: strerror(code))
    }
}
