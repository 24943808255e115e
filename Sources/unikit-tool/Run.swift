import ArgumentParser
import Launcher

/// `run` as ArgumentParser sees it: listed among the subcommands, with the
/// help of `RunArguments`. `unikit run` never gets here (the `unikit` front
/// end runs it itself); `unikit-tool run …` does, and runs the same code.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: RunArguments.abstract, usage: RunArguments.usage, discussion: RunArguments.discussion)

    @Argument(parsing: .captureForPassthrough, help: "Options and guest arguments: see above.")
    var arguments: [String] = []

    func run() throws {
        throw ExitCode(RunCommand.main(arguments))
    }
}
