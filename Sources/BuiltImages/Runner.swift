/// How `unikit run` starts an image; a platform manifest's `runner`.
public enum Runner: String, Sendable {
    case kvm      // unikit's KVM loader
    case process  // a child process (linuxu)
}
