/// What a virtio device type (block, network, console) adds to the
/// virtio-mmio transport: its id, features, configuration space and how it
/// serves its queues.
protocol VirtioBackend: AnyObject {
    /// Short name for messages: `virtio-blk`.
    var name: String { get }
    /// The virtio device id (2: block, 1: network, 3: console).
    var deviceID: UInt32 { get }
    /// Device-specific feature bits (the transport adds VIRTIO_F_VERSION_1).
    var features: UInt64 { get }
    /// Queues and the most descriptors each may have.
    var queueCount: Int { get }
    var maxQueueSize: UInt16 { get }
    /// The configuration space's bytes (read by the driver, little-endian).
    var configuration: [UInt8] { get }

    /// Serves every chain the driver made available on queue `index`,
    /// returning each through `queue.complete`. Host I/O errors go back to
    /// the driver in the request's status; a malformed request throws.
    func serve(queue: inout Virtqueue, index: Int) throws(VirtqueueError)

    /// The driver reset the device (status 0): forget negotiated state.
    func reset()

    /// A host descriptor whose input becomes guest work (a tap), and the
    /// queue `serve` delivers it on; nil for devices that only answer.
    var inputDescriptor: Int32? { get }
    var inputQueue: Int { get }
}

extension VirtioBackend {
    var inputDescriptor: Int32? { nil }
    var inputQueue: Int { 0 }
}
