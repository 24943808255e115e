import CKVM

/// The registers a fault message shows, captured when the run ended.
public struct VCPUState: Sendable, Equatable, CustomStringConvertible {
    public var rip: UInt64
    public var rsp: UInt64
    public var rflags: UInt64
    public var cr0: UInt64
    public var cr2: UInt64
    public var cr3: UInt64
    public var cr4: UInt64
    public var efer: UInt64

    public init(rip: UInt64 = 0, rsp: UInt64 = 0, rflags: UInt64 = 0, cr0: UInt64 = 0,
                cr2: UInt64 = 0, cr3: UInt64 = 0, cr4: UInt64 = 0, efer: UInt64 = 0) {
        self.rip = rip; self.rsp = rsp; self.rflags = rflags
        self.cr0 = cr0; self.cr2 = cr2; self.cr3 = cr3; self.cr4 = cr4; self.efer = efer
    }

    init(regs: kvm_regs, sregs: kvm_sregs) {
        self.init(rip: regs.rip, rsp: regs.rsp, rflags: regs.rflags, cr0: sregs.cr0,
                  cr2: sregs.cr2, cr3: sregs.cr3, cr4: sregs.cr4, efer: sregs.efer)
    }

    /// `rip=0x100004 rsp=0x8000 rflags=0x2 cr2=0x0 cr0=0x80050033 cr3=0x8000 cr4=0x620 efer=0x500`
    public var description: String {
        [("rip", rip), ("rsp", rsp), ("rflags", rflags), ("cr2", cr2),
         ("cr0", cr0), ("cr3", cr3), ("cr4", cr4), ("efer", efer)]
            .map { "\($0.0)=\(hex($0.1))" }.joined(separator: " ")
    }
}
