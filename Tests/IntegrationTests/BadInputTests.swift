import Foundation
import Testing

/// Bad input gets a clear error naming the file and line (or field), and a
/// non-zero status; nothing crashes.
@Suite struct BadInputTests {
    @Test func malformedKconfigNamesFileAndLine() throws {
        let app = try AppCopy(example: "helloworld")
        try app.write("Kconfig", "config APPHELLOWORLD\n\tdef_bool y\n\tselect\n")
        let result = try app.unikit("defconfig")
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(app.folder)/Kconfig:3:"), "stderr: \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: app.folder + "/.config"))
    }

    @Test func unknownManifestKeyNamesFileAndLine() throws {
        let app = try AppCopy(example: "helloworld")
        #expect(try app.unikit("defconfig").status == 0)
        try app.write("Manifest", "sources: main.c\nsorces: other.c\n")
        let result = try app.unikit("build")
        #expect(result.status != 0)
        #expect(result.stderr.contains("Manifest:2: unknown key 'sorces' (known keys: sources,"), "stderr: \(result.stderr)")
    }

    @Test func missingSourceFileNamesManifestLine() throws {
        let app = try AppCopy(example: "helloworld")
        #expect(try app.unikit("defconfig").status == 0)
        try app.write("Manifest", "# the app\nsources: main.c missing.c\n")
        let result = try app.unikit("build")
        #expect(result.status != 0)
        #expect(result.stderr.contains("Manifest:2: 'missing.c' does not exist"), "stderr: \(result.stderr)")
    }

    @Test func compilerErrorsAreShownVerbatimWithTheCommand() throws {
        let app = try AppCopy(example: "helloworld")
        #expect(try app.unikit("defconfig").status == 0)
        try app.write("main.c", "int main(void) { return undefined_name; }\n")
        let result = try app.unikit("build", "--platform", "linuxu")
        #expect(result.status != 0)
        #expect(result.stderr.contains("FAILED: CC main.c (exit status 1)\n"))
        #expect(result.stderr.contains(" -c \(app.folder)/main.c -o "), "the failing command in full")
        #expect(result.stderr.contains("main.c:1:25: error: use of undeclared identifier 'undefined_name'"))
    }

    @Test(.enabled(if: Host.hasKVM, "needs /dev/kvm: feeds bad images to unikit's loader"))
    func nonELFAndTruncatedImagesAreRejected() throws {
        let app = try AppCopy(copying: try BuiltExample.named("helloworld").app.folder)
        let image = app.image("kvm")
        let original = try Data(contentsOf: URL(fileURLWithPath: image))
        try Data("not an ELF file at all".utf8).write(to: URL(fileURLWithPath: image))
        let notELF = try app.unikit("run")
        #expect(notELF.status == 120, "stderr: \(notELF.stderr)")
        #expect(notELF.stderr.contains(image), "the message names the image: \(notELF.stderr)")
        try original.prefix(100).write(to: URL(fileURLWithPath: image))
        let truncated = try app.unikit("run")
        #expect(truncated.status == 120, "stderr: \(truncated.stderr)")
        #expect(truncated.stderr.contains(image))
        #expect(notELF.stderr != truncated.stderr, "each problem has its own message")
    }

    @Test func outsideAnAppFolderIsAClearError() throws {
        let result = try runProcess([Host.unikit, "build"], in: NSTemporaryDirectory())
        #expect(result.status != 0)
        #expect(result.stderr.contains("is not an application folder (it has no Manifest)"))
    }
}
