import Testing
@testable import Launcher

/// `unikit run`'s hand-written option parser: every option, both spellings,
/// and a clear error for each mistake.
@Suite struct RunArgumentsTests {
    @Test func defaultsWithoutArguments() throws {
        let parsed = try RunArguments([])
        #expect(parsed.image == nil && parsed.platform == nil && parsed.memory == nil)
        #expect(parsed.seccomp && !parsed.showsHelp && parsed.guestArguments.isEmpty)
    }

    @Test func everyOptionInBothSpellings() throws {
        let spaced = try RunArguments(["img", "--platform", "kvm", "--memory", "64M", "--cmdline", "a b",
                                       "--timeout", "0.5", "--no-seccomp", "--debug-open-after-setup", "/etc/x",
                                       "--", "--not-an-option", "y"])
        let joined = try RunArguments(["--platform=kvm", "--memory=64M", "--cmdline=a b", "--timeout=0.5",
                                       "--no-seccomp", "--debug-open-after-setup=/etc/x", "img",
                                       "--", "--not-an-option", "y"])
        #expect(spaced == joined)
        #expect(spaced.image == "img" && spaced.platform == "kvm" && spaced.memory == 64 << 20)
        #expect(spaced.commandLine == "a b" && spaced.timeout == 0.5 && !spaced.seccomp)
        #expect(spaced.debugOpenAfterSetup == "/etc/x")
        #expect(spaced.guestArguments == ["--not-an-option", "y"])
        #expect(try RunArguments(["-h"]).showsHelp && RunArguments(["--help"]).showsHelp)
    }

    @Test(arguments: [
        (["--bogus"], "unknown option '--bogus'"),
        (["a", "b"], "unexpected argument 'b' (guest arguments go after --)"),
        (["--memory"], "--memory needs a value"),
        (["--no-seccomp=yes"], "--no-seccomp takes no value"),
        (["--memory", "12Q"], "--memory '12Q': expected a size such as 64M or 1G"),
        (["--memory", "0"], "--memory '0': expected a size such as 64M or 1G"),
        (["--memory", "9999999999G"], "--memory '9999999999G' is too large"),
        (["--timeout", "-1"], "--timeout '-1': expected seconds between 0 and 86400, e.g. 2 or 0.5"),
        (["--timeout", "nan"], "--timeout 'nan': expected seconds between 0 and 86400, e.g. 2 or 0.5"),
    ])
    func mistakesAreNamed(_ arguments: [String], _ message: String) {
        #expect(throws: RunUsageError(message)) { _ = try RunArguments(arguments) }
    }

    @Test func memorySizes() throws {
        #expect(try RunArguments.memorySize("512K") == 512 << 10)
        #expect(try RunArguments.memorySize("4m") == 4 << 20)
        #expect(try RunArguments.memorySize("1G") == 1 << 30)
        #expect(try RunArguments.memorySize("4096") == 4096)
    }
}

/// The command line a guest gets survives the guest's splitter.
@Suite struct GuestCommandLineTests {
    @Test func joinThenSplitGivesTheArgumentsBack() {
        let arguments = ["plain", "two words", "", "quote\"inside", "back\\slash", "tab\there", "ünïcode"]
        #expect(GuestCommandLine.split(GuestCommandLine.joining(arguments)) == arguments)
    }

    @Test func splitsAsTheGuestDoes() {
        #expect(GuestCommandLine.split("  a \"b c\"d e\\ f \"\" trailing\\") == ["a", "b cd", "e f", "", "trailing\\"])
        #expect(GuestCommandLine.split("") == [])
    }

    @Test func commandLineThenGuestArguments() {
        #expect(GuestCommandLine.line("console=x", ["a b"]) == "console=x \"a b\"")
        #expect(GuestCommandLine.line(nil, ["a"]) == "a")
        #expect(GuestCommandLine.line("k", []) == "k")
    }
}
