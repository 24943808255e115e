import Foundation
import SystemPackage
import SystemSupport
import Testing

struct FileSystemTests {
    func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ss-\(UUID().uuidString)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test(arguments: [0, 1, 4095, 65536, 200_001])
    func readsWholeFilesOfAnySize(_ size: Int) throws {
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        #expect(try FileSystem.read(try temporaryFile(bytes)).get() == bytes)
    }

    /// /proc files report size 0 but have contents.
    @Test func readsFilesLongerThanTheirReportedSize() throws {
        let text = try FileSystem.readText("/proc/self/status")
        #expect(text.hasPrefix("Name:"))
        #expect(text.contains("VmPeak") || text.contains("State"))
    }

    @Test func missingFileIsAnErrno() {
        #expect(throws: Errno.self) { try FileSystem.read("/nonexistent/file").get() }
    }

    @Test func writeIfChangedWritesOnlyChangedBytes() throws {
        let path = try temporaryFile([])
        #expect(try FileSystem.writeIfChanged("a", to: path))
        #expect(try !FileSystem.writeIfChanged("a", to: path))
        #expect(try FileSystem.readText(path) == "a")
    }
}
