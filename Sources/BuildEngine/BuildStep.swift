/// One command of a build: an edge of the build graph, from its inputs to
/// its outputs.
public struct BuildStep: Sendable {
    /// What progress lines show: "CC Libraries/ukboot/src/boot.c".
    public var label: String
    public var command: [String]
    /// Files the command reads that the plan knows of: sources, objects,
    /// linker scripts. Headers are found through `depfile`.
    public var inputs: [String]
    /// Files the command writes.
    public var outputs: [String]
    /// The Makefile fragment the command writes, listing every file it read.
    public var depfile: String?
    /// For compile steps: the image's configuration files, so that the
    /// step depends on the Kconfig symbols it uses, not on the whole header.
    public var configSymbols: ConfigSymbolFiles?

    public init(label: String, command: [String], inputs: [String], outputs: [String],
                depfile: String? = nil, configSymbols: ConfigSymbolFiles? = nil) {
        self.label = label
        self.command = command
        self.inputs = inputs
        self.outputs = outputs
        self.depfile = depfile
        self.configSymbols = configSymbols
    }
}
