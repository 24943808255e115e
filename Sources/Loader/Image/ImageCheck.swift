/// The image half of the loader without KVM, for the `elf` fuzz target and
/// its replay tests: validates a file's bytes and loads an accepted image
/// into one guest memory, reused from call to call (not thread-safe).
package final class ImageCheck {
    private let memory: GuestMemory

    package init(memorySize: UInt64) throws(LoaderError) {
        memory = try GuestMemory(size: memorySize)
    }

    /// Throws the loader's message for an image it rejects. Traps when an
    /// accepted image breaks what `GuestImage.validate` promises (it does not
    /// load, or lies outside `[UNIKIT_LOADER_AREA_END, memory size)`): that is
    /// a hole in the validation, which the fuzzer must report as a crash.
    package func check(_ bytes: UnsafeRawBufferPointer, name: String) throws(LoaderError) {
        let image = try GuestImage.validate(bytes, name: name, memorySize: memory.size)
        do {
            try image.load(from: bytes, into: memory)
        } catch {
            preconditionFailure("\(name): accepted, but does not load: \(error)")
        }
        for segment in image.segments {
            precondition(segment.address >= GuestLayout.loaderAreaEnd && segment.end <= memory.size,
                         "\(name): accepted phdr[\(segment.index)] \(segment.range) lies outside the image area")
        }
        precondition(image.end.rawValue <= memory.size, "\(name): accepted, but ends at \(image.end)")
    }
}
