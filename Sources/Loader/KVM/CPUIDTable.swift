import CKVM

/// The few CPUID leaves the guest is given, built from the host's own `cpuid`
/// (no `KVM_GET_SUPPORTED_CPUID`: it costs ~300 µs on PVM). Feature bits pass
/// through an allow-list, so the guest never sees what this VM cannot give it
/// (APIC, x2APIC, TSC deadline, XSAVE/AVX, VMX/SVM, MONITOR, topology).
/// Long mode must be advertised or hardware KVM refuses EFER.LME.
enum CPUIDTable {
    typealias HostCPUID = (_ leaf: UInt32, _ subleaf: UInt32) -> ckvm_cpuid_regs

    // Leaf 1 ECX: SSE3, PCLMULQDQ, SSSE3, CX16, SSE4.1, SSE4.2, MOVBE, POPCNT, AES, RDRAND.
    static let leaf1ECX: UInt32 = bits(0, 1, 9, 13, 19, 20, 22, 23, 25, 30)
    static let hypervisorBit: UInt32 = 1 << 31
    // Leaf 1 EDX: FPU, VME, DE, PSE, TSC, MSR, PAE, CX8, SEP, PGE, CMOV, PAT,
    // PSE36, CLFSH, MMX, FXSR, SSE, SSE2.
    static let leaf1EDX: UInt32 = bits(0, 1, 2, 3, 4, 5, 6, 8, 11, 13, 15, 16, 17, 19, 23, 24, 25, 26)
    // Leaf 0x80000001 ECX: LAHF/SAHF, LZCNT, PREFETCHW.
    static let extendedECX: UInt32 = bits(0, 5, 8)
    // Leaf 0x80000001 EDX: SYSCALL, NX, 1 GiB pages, RDTSCP, LM.
    static let extendedEDX: UInt32 = bits(11, 20, 26, 27, 29)

    /// Leaves 0, 1, 0x80000000, 0x80000001 and 0x80000008 (those the host has).
    static func minimal(host: HostCPUID = ckvm_host_cpuid) -> [kvm_cpuid_entry2] {
        let basic = host(0, 0)
        var entries = [entry(0, eax: min(basic.eax, 1), ebx: basic.ebx, ecx: basic.ecx, edx: basic.edx)]
        if basic.eax >= 1 {
            let features = host(1, 0)
            // EBX keeps brand index and CLFLUSH size; APIC ID and logical count read 0.
            entries.append(entry(1, eax: features.eax, ebx: features.ebx & 0xffff,
                                 ecx: features.ecx & leaf1ECX | hypervisorBit,
                                 edx: features.edx & leaf1EDX))
        }
        let extended = host(0x8000_0000, 0)
        guard extended.eax >= 0x8000_0001 else { return entries }
        entries.append(entry(0x8000_0000, eax: min(extended.eax, 0x8000_0008),
                             ebx: extended.ebx, ecx: extended.ecx, edx: extended.edx))
        let features = host(0x8000_0001, 0)
        entries.append(entry(0x8000_0001, eax: features.eax, ebx: 0,
                             ecx: features.ecx & extendedECX, edx: features.edx & extendedEDX))
        if extended.eax >= 0x8000_0008 {
            // EAX: physical and linear address widths, which KVM checks CR3 against.
            entries.append(entry(0x8000_0008, eax: host(0x8000_0008, 0).eax & 0xffff))
        }
        return entries
    }

    private static func entry(_ function: UInt32, eax: UInt32, ebx: UInt32 = 0,
                              ecx: UInt32 = 0, edx: UInt32 = 0) -> kvm_cpuid_entry2 {
        kvm_cpuid_entry2(function: function, index: 0, flags: 0, eax: eax, ebx: ebx,
                         ecx: ecx, edx: edx, padding: (0, 0, 0))
    }

    private static func bits(_ positions: Int...) -> UInt32 {
        positions.reduce(0) { $0 | 1 << UInt32($1) }
    }
}
