import CKVM

/// `UNIKIT_PORT_CONSOLE`: the guest `outl`s the guest-physical address of a
/// `struct unikit_console_write`; the loader writes its bytes to the console
/// with one `write`. One exit per line instead of one per byte.
final class ConsolePort: Device {
    let name = "console"
    private let memory: GuestMemory
    private let sink: ConsoleSink

    init(memory: GuestMemory, sink: ConsoleSink) {
        self.memory = memory
        self.sink = sink
    }

    func claims(port: UInt16) -> Bool { port == UNIKIT_PORT_CONSOLE }

    func handle(_ access: PortAccess, data: UnsafeMutableRawBufferPointer) throws(LoaderError) -> DeviceResponse {
        let request: unikit_console_write
        switch PortRequest.load(unikit_console_write.self, named: "unikit_console_write", access: access, data: data, memory: memory) {
        case .success(let loaded): request = loaded
        case .failure(let refusal): return .invalidRequest(refusal.reason)
        }
        let limit = UInt64(UNIKIT_CONSOLE_MAX_WRITE)
        let length = min(request.len, limit)
        let written: Result<Void, LoaderError>
        do {
            written = try memory.withBytes(at: GuestPhysicalAddress(request.data), count: length) { bytes in
                Result { () throws(LoaderError) in try sink.write(bytes) }
            }
        } catch {
            return .invalidRequest("data \(error)")
        }
        try written.get()
        guard request.len <= limit else {
            // loader_abi.h: longer requests are truncated and reported as an error.
            return .invalidRequest("\(request.len) bytes exceed UNIKIT_CONSOLE_MAX_WRITE (\(limit)); wrote the first \(limit)")
        }
        return .resume
    }
}
