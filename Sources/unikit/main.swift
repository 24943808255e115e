import Glibc
import Launcher

// The `unikit` command. `unikit run` starts guests, so its start-up is part
// of every boot: this program holds only the loader and `run`, and so starts
// in a fraction of the time and memory of one that links the Kconfig engine,
// the build engine and ArgumentParser (whose first dynamic cast scans every
// protocol conformance in a static binary). Every other command is
// unikit-tool's, beside this executable.
let arguments = CommandLine.arguments
if arguments.count >= 2 && arguments[1] == "run" {
    exit(RunCommand.main(Array(arguments.dropFirst(2))))
}
exit(startTool(arguments))
