/// UDP echo (RFC 862) in Embedded Swift: every datagram to the port goes
/// back to its sender, until count=N datagrams were echoed (forever
/// without count=). The network is uknet's plain C API.
///
///     udpecho-swift net.ip=10.0.0.2/24 [port=7] [count=N]
@_cdecl("main")
func udpEchoMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    var argumentCount = argc
    guard uknet_start(&argumentCount, argv) == 0 else { return 1 }
    let arguments = (1..<Int(argumentCount)).compactMap { argv[$0].map { String(cString: $0) } }
    let port = number(named: "port=", in: arguments) ?? 7
    let count = number(named: "count=", in: arguments) ?? 0
    let sock = uknet_socket(UKNET_UDP)
    guard sock >= 0, port > 0, port <= 65535, uknet_bind(sock, UInt16(port)) == 0 else {
        print("udpecho-swift: cannot use port \(port)")
        return 1
    }
    print("udpecho-swift: echoing UDP on port \(port)")

    var datagram = [UInt8](repeating: 0, count: Int(UK_NETDEV_MTU_MAX))
    var echoed = 0
    while true {
        uknet_poll()
        var sender = uknet_endpoint()
        while count == 0 || echoed < count {
            let length = datagram.withUnsafeMutableBytes {
                uknet_recvfrom(sock, $0.baseAddress, $0.count, &sender)
            }
            if length < 0 { break }
            _ = datagram.withUnsafeBytes { uknet_sendto(sock, $0.baseAddress, Int(length), &sender) }
            echoed += 1
        }
        if count != 0 && echoed == count { break }
        uknet_wait(UInt64.max) // UK_TIME_NEVER: no deadline
    }
    print("udpecho-swift: echoed \(echoed) datagrams")
    return 0
}

/// The N of an argument "name=N". Compares bytes: String's own prefix test
/// applies Unicode normalization, whose tables would triple the image size.
func number(named name: String, in arguments: [String]) -> Int? {
    for argument in arguments where argument.utf8.starts(with: name.utf8) {
        return Int(Substring(argument.utf8.dropFirst(name.utf8.count)))
    }
    return nil
}
