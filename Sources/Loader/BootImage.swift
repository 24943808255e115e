/// Boots the unikit image at `path` on `/dev/kvm` and runs it to the end.
///
/// Returns how the guest's run ended (`GuestExit.exitCode` is the process
/// status to use). Throws a `LoaderError` when the guest cannot be started
/// (bad options or image, no KVM) or the host fails mid-run (console write).
/// Validates the image before touching `/dev/kvm`.
public func bootImage(path: String, options: LoaderOptions) throws(LoaderError) -> GuestExit {
    let memorySize = try GuestLayout.validatedMemorySize(options.memorySize)
    // The devices come first on the command line, as QEMU microvm puts them.
    let deviceCount = options.disks.count + options.taps.count
    try VirtioDevices.check(count: deviceCount)
    let deviceArguments = VirtioDevices.commandLineArguments(count: deviceCount)
    let commandLine = try GuestLayout.validatedCommandLine(
        (deviceArguments + (options.commandLine.isEmpty ? [] : [options.commandLine])).joined(separator: " "))
    let file = try ImageFile(path: path)
    let image = try GuestImage.validate(file.bytes, name: path, memorySize: memorySize)
    let pvhEntry = try choosePVHEntry(image, path: path, options: options)
    let disks = try options.disks.map { (disk) throws(LoaderError) in try DiskFile(path: disk.path, readOnly: disk.readOnly) }
    let taps = try options.taps.map { (name) throws(LoaderError) in try TapDevice(name: name) }

    let memory = try GuestMemory(size: memorySize)
    try image.load(from: file.bytes, into: memory)
    let vm = try KVM().createVM(memory: memory)
    // Interrupts only where a device may raise one: the irqchip costs a
    // polled guest nothing then.
    let interrupts = deviceCount > 0 ? IOAPIC(bus: vm) : nil
    if interrupts != nil { try vm.enableSplitIRQChip(pins: IOAPIC.pinCount) }
    let virtio = try interrupts.map { (ioapic) throws(LoaderError) in
        try VirtioDevices.make(disks: disks, taps: taps, memory: memory, interrupts: ioapic)
    } ?? []
    let vcpu = try vm.createVCPU()
    // CPUID first: KVM checks EFER.LME in the special registers against it.
    try vcpu.setCPUID(CPUIDTable.minimal())
    if let pvhEntry {
        try PVHBoot(memorySize: memorySize, commandLine: commandLine).write(to: memory)
        try vcpu.setSpecialRegisters(PVHBoot.special(from: vcpu.specialRegisters()))
        try vcpu.setRegisters(PVHBoot.general(entry: pvhEntry))
    } else if let entry = image.entry {
        try BootTables(memorySize: memorySize, kernelEnd: image.end, commandLine: commandLine,
                       tscHz: vcpu.tscFrequency()).write(to: memory)
        try vcpu.setSpecialRegisters(LongModeRegisters.special(from: vcpu.specialRegisters()))
        try vcpu.setRegisters(LongModeRegisters.general(entry: entry))
    }

    let console = ConsoleSink(fd: options.consoleFD)
    let devices: [any Device] = [
        ConsolePort(memory: memory, sink: console), ExitPort(),
        IdlePort(memory: memory, inputs: virtio, interrupts: interrupts), Serial16550(sink: console),
    ] + virtio + (interrupts.map { [$0] } ?? [])
    // Armed before the filter goes on: installing a signal handler is not
    // among the run loop's syscalls.
    let deadline = options.timeout.map(RunDeadline.init)
    deadline?.arm()
    defer { deadline?.disarm() }
    if options.confinesProcess {
        try SyscallFilter.runLoop(vcpuFD: vcpu.fd.rawValue, vmFD: interrupts == nil ? nil : vm.fd.rawValue,
                                  consoleFD: options.consoleFD,
                                  diskFDs: disks.map(\.fd), tapFDs: taps.map(\.fd)).install()
    }
    options.afterSetup?()
    return try RunLoop(vcpu: vcpu, devices: devices, deadline: deadline).run()
}

/// The PVH entry to boot through: when asked (`bootsThroughPVH`), or when
/// the image has no unikit entry; nil for unikit's 64-bit entry.
private func choosePVHEntry(_ image: GuestImage, path: String,
                            options: LoaderOptions) throws(LoaderError) -> GuestPhysicalAddress? {
    guard options.bootsThroughPVH || image.entry == nil else { return nil }
    guard let entry = image.pvhEntry else {
        throw LoaderError(path, field: "note XEN_ELFNOTE_PHYS32_ENTRY", "missing: the image has no PVH entry to boot through")
    }
    return entry
}
