import BuildEngine
import Foundation
import Testing

@Suite struct BuildLockTests {
    @Test func secondHolderIsRefusedUntilTheFirstReleases() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("unikit-lock-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let first = try BuildLock(buildFolder: folder)
        #expect(buildErrorMessage { _ = try BuildLock(buildFolder: folder) }
            == "\(folder): another unikit command is building in this folder (it holds .lock); wait for it to finish")
        first.release()
        _ = try BuildLock(buildFolder: folder)
    }
}
