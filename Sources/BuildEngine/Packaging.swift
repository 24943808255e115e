/// What a platform boots, made from the linked image with symbols (`.dbg`):
/// the last steps of an image's plan, chosen by the platform manifest's
/// `packaging` key. A platform needing more (Xen's `xl` configuration file
/// beside the image) is a new case here and a key in its manifest.
public enum Packaging: String, CaseIterable, Sendable {
    /// The ELF image, stripped, carrying the configuration's identity in a
    /// `.unikit.config` section.
    case elf

    func steps(for plan: ImagePlan, toolchain: Toolchain, workspace: Workspace) -> [BuildStep] {
        switch self {
        case .elf:
            let strip = [toolchain.objcopy, "--strip-all", "--add-section", ".unikit.config=\(plan.configIdentityPath)",
                         plan.debugImagePath, plan.imagePath]
            return [BuildStep(label: "STRIP \(workspace.displayPath(plan.imagePath))", command: strip,
                              inputs: [plan.debugImagePath, plan.configIdentityPath], outputs: [plan.imagePath])]
        }
    }
}
