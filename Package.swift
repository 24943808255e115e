// swift-tools-version: 6.0
import PackageDescription

// No Foundation in these modules: process start-up is most of a tiny guest's run
// time, and the `unikit` binary is linked statically (see machine-notes).
let staticExecutable: [LinkerSetting] = [
    .unsafeFlags([
        "-static-executable",
        // ArgumentParser pulls FoundationEssentials, whose static archive
        // does not name these two dependencies itself.
        "-Xlinker", "-l_FoundationCShims", "-Xlinker", "-l_FoundationCollections",
        // libelf's static archive needs zlib.
        "-Xlinker", "-lz",
    ], .when(configuration: .release)),
]

let system = Target.Dependency.product(name: "SystemPackage", package: "swift-system")

let package = Package(
    name: "unikit",
    products: [
        .executable(name: "unikit", targets: ["unikit"]),
        .executable(name: "unikit-tool", targets: ["unikit-tool"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-system", from: "1.4.0"),
    ],
    targets: [
        // Files and paths, shared by our modules (package access only).
        .target(name: "SystemSupport", dependencies: [system]),
        // The Kconfig language: parser, evaluation, .config and header output.
        // Release builds drop the runtime exclusivity checks (about a tenth of
        // the time of loading Linux's tree); debug builds and tests keep them.
        .target(name: "KconfigKit", dependencies: ["SystemSupport", system],
                swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]),
        // What `unikit build` leaves for `unikit run`: build/images.
        .target(name: "BuiltImages", dependencies: ["SystemSupport", system]),
        // Library pools, manifests, build plan, toolchain, executor.
        .target(name: "BuildEngine", dependencies: ["BuiltImages", "KconfigKit", "SystemSupport", system]),
        // C shims: linux/kvm.h ioctls and the guest<->loader ABI; libelf.
        .target(name: "CKVM"),
        .systemLibrary(name: "CLibELF", pkgConfig: "libelf", providers: [.apt(["libelf-dev"])]),
        // The KVM loader: VM, vCPU, guest memory, ELF loading, devices.
        .target(name: "Loader", dependencies: ["CKVM", "CLibELF", "SystemSupport", system]),
        // ncurses (wide-character) for menuconfig's terminal.
        .systemLibrary(name: "CNcurses", providers: [.apt(["libncurses-dev"])]),
        // menuconfig: a screen model over KconfigKit, drawn on a terminal.
        .target(name: "Menuconfig", dependencies: ["KconfigKit", "CNcurses", "SystemSupport"]),
        // `unikit run`: its options, choosing the image, booting or starting it.
        .target(name: "Launcher", dependencies: ["BuiltImages", "Loader", "SystemSupport", system]),
        // The `unikit` command: `run` itself, everything else by starting
        // unikit-tool. Small, so that booting a guest starts fast.
        .executableTarget(name: "unikit", dependencies: ["Launcher", "SystemSupport", system],
                          linkerSettings: staticExecutable),
        // The configuring and building commands: one subcommand per file.
        .executableTarget(
            name: "unikit-tool",
            dependencies: [
                "KconfigKit", "BuildEngine", "BuiltImages", "Launcher", "Menuconfig", "SystemSupport", system,
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: staticExecutable),
        // Fuzzing: the parsers of untrusted input as functions of bytes (shared
        // with the regression tests), and the driver `Fuzz/run` builds with
        // libFuzzer. Built plainly, the driver only replays files.
        .target(name: "FuzzEntries", dependencies: ["KconfigKit", "BuildEngine", "Loader"]),
        .executableTarget(name: "unikit-fuzz", dependencies: ["FuzzEntries", "SystemSupport"]),

        .testTarget(name: "SystemSupportTests", dependencies: ["SystemSupport", system]),
        .testTarget(name: "KconfigKitTests", dependencies: ["KconfigKit", "FuzzEntries"], exclude: ["Fixtures"]),
        .testTarget(name: "BuildEngineTests", dependencies: ["BuildEngine", "KconfigKit", "SystemSupport", "FuzzEntries"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "MenuconfigTests", dependencies: ["Menuconfig", "KconfigKit"], exclude: ["Fixtures"]),
        .testTarget(name: "LoaderTests", dependencies: ["Loader", "CKVM", "FuzzEntries"], exclude: ["Fixtures"]),
        .testTarget(name: "LauncherTests", dependencies: ["Launcher", "BuiltImages"]),
        // Builds the examples with the real `unikit` binary and boots them.
        .testTarget(name: "IntegrationTests", dependencies: ["unikit", "unikit-tool"]),
    ]
)
