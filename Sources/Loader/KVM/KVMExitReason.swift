import CKVM

/// Names of KVM exit reasons, for messages.
enum KVMExitReason {
    static func name(_ reason: UInt32) -> String? {
        switch Int32(bitPattern: reason) {
        case KVM_EXIT_UNKNOWN: "KVM_EXIT_UNKNOWN"
        case KVM_EXIT_EXCEPTION: "KVM_EXIT_EXCEPTION"
        case KVM_EXIT_IO: "KVM_EXIT_IO"
        case KVM_EXIT_HYPERCALL: "KVM_EXIT_HYPERCALL"
        case KVM_EXIT_DEBUG: "KVM_EXIT_DEBUG"
        case KVM_EXIT_HLT: "KVM_EXIT_HLT"
        case KVM_EXIT_MMIO: "KVM_EXIT_MMIO"
        case KVM_EXIT_IRQ_WINDOW_OPEN: "KVM_EXIT_IRQ_WINDOW_OPEN"
        case KVM_EXIT_SHUTDOWN: "KVM_EXIT_SHUTDOWN"
        case KVM_EXIT_FAIL_ENTRY: "KVM_EXIT_FAIL_ENTRY"
        case KVM_EXIT_INTR: "KVM_EXIT_INTR"
        case KVM_EXIT_TPR_ACCESS: "KVM_EXIT_TPR_ACCESS"
        case KVM_EXIT_NMI: "KVM_EXIT_NMI"
        case KVM_EXIT_INTERNAL_ERROR: "KVM_EXIT_INTERNAL_ERROR"
        case KVM_EXIT_SYSTEM_EVENT: "KVM_EXIT_SYSTEM_EVENT"
        case KVM_EXIT_IOAPIC_EOI: "KVM_EXIT_IOAPIC_EOI"
        case KVM_EXIT_HYPERV: "KVM_EXIT_HYPERV"
        case KVM_EXIT_X86_RDMSR: "KVM_EXIT_X86_RDMSR"
        case KVM_EXIT_X86_WRMSR: "KVM_EXIT_X86_WRMSR"
        case KVM_EXIT_DIRTY_RING_FULL: "KVM_EXIT_DIRTY_RING_FULL"
        case KVM_EXIT_AP_RESET_HOLD: "KVM_EXIT_AP_RESET_HOLD"
        case KVM_EXIT_X86_BUS_LOCK: "KVM_EXIT_X86_BUS_LOCK"
        case KVM_EXIT_XEN: "KVM_EXIT_XEN"
        case KVM_EXIT_NOTIFY: "KVM_EXIT_NOTIFY"
        case KVM_EXIT_MEMORY_FAULT: "KVM_EXIT_MEMORY_FAULT"
        default: nil
        }
    }
}
