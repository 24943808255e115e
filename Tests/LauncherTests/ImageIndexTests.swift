import BuiltImages
import Foundation
import Testing

/// build/images: what `unikit build` writes is what `unikit run` reads, and a
/// damaged file is an error naming its line.
@Suite struct ImageIndexTests {
    @Test func writtenIndexReadsBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("index-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try ImageIndex.read(buildFolder: folder) == nil)
        let index = ImageIndex(entries: [
            .init(platform: "kvm", runner: .kvm, file: "app_kvm-x86_64"),
            .init(platform: "linuxu", runner: .process, file: "app_linuxu-x86_64"),
        ])
        try index.write(buildFolder: folder)
        #expect(try ImageIndex.read(buildFolder: folder) == index)
    }

    @Test(arguments: ["kvm kvm", "kvm vmm app", "kvm kvm ../escape", "kvm kvm a b"])
    func malformedLineIsNamed(_ line: String) {
        let text = "# header\nlinuxu process app_linuxu-x86_64\n\(line)\n"
        #expect(throws: ImageIndexError.self) { _ = try ImageIndex(text: text, path: "build/images") }
        do {
            _ = try ImageIndex(text: text, path: "build/images")
        } catch {
            #expect(error.description == "build/images:3: expected `<platform> <kvm|process> <file>`, got '\(line)'")
        }
    }
}
