/// An address in the guest's physical address space. Never a host pointer:
/// turning it into host bytes goes through `GuestMemory`'s checked accessors.
struct GuestPhysicalAddress: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    var rawValue: UInt64

    init(rawValue: UInt64) { self.rawValue = rawValue }
    init(_ rawValue: UInt64) { self.rawValue = rawValue }

    static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    /// `self + offset`, or nil when that would wrap around 2^64.
    func adding(_ offset: UInt64) -> GuestPhysicalAddress? {
        let (sum, overflow) = rawValue.addingReportingOverflow(offset)
        return overflow ? nil : GuestPhysicalAddress(sum)
    }

    var description: String { hex(rawValue) }
}
