/// A request port (console, idle): the guest `outl`s the guest-physical
/// address (< 4 GiB) of a request struct. Reads that struct once, checked,
/// or says why the access is refused.
enum PortRequest {
    static func load<T: BitwiseCopyable>(_ type: T.Type, named name: String, access: PortAccess,
                                          data: UnsafeMutableRawBufferPointer,
                                          memory: GuestMemory) -> Result<T, Refusal> {
        guard access.isWrite, access.size == 4, access.count == 1 else {
            return .failure(Refusal(reason: "port \(hex(access.port)) takes outl of a request address, not \(access.mnemonic)"))
        }
        let address = Self.address(data)
        do {
            return .success(try memory.load(T.self, at: address))
        } catch {
            return .failure(Refusal(reason: "struct \(name) at \(address): \(error)"))
        }
    }

    /// The request struct's address, as the guest wrote it to the port.
    static func address(_ data: UnsafeMutableRawBufferPointer) -> GuestPhysicalAddress {
        GuestPhysicalAddress(UInt64(data.loadUnaligned(as: UInt32.self)))
    }

    /// Why a request is refused: the reason `DeviceResponse.invalidRequest` shows.
    struct Refusal: Error {
        var reason: String
    }
}
