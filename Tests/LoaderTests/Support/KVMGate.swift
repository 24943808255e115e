import Foundation
@testable import Loader

/// Enables a test only where `/dev/kvm` can be opened; otherwise says loudly
/// on stderr which test did not run.
enum KVMGate {
    static func available(_ test: String) -> Bool {
        if KVM.isAvailable { return true }
        FileHandle.standardError.write(Data(
            "*** LoaderTests: SKIPPED \(test): /dev/kvm cannot be opened for reading and writing ***\n".utf8))
        return false
    }
}
