// Random token IDs (jti): 128 bits from the operating system's CSPRNG.
//
// The standard library's SystemRandomNumberGenerator makes one getrandom(2) call per 8
// bytes; on Linux a jti instead costs one read(2) of 16 bytes from /dev/urandom, through a
// descriptor opened once. Anything unusual (no such device, a short or failed read) falls
// back to SystemRandomNumberGenerator.

#if canImport(Glibc)
import Glibc

/// /dev/urandom, opened on first use and kept open (close-on-exec), or -1.
private let urandomDescriptor: Int32 = open("/dev/urandom", O_RDONLY | O_CLOEXEC)
#endif

enum TokenIDGenerator {
    /// 128 random bits.
    static func randomBits() -> (UInt64, UInt64) {
        var bits: (UInt64, UInt64) = (0, 0)
        #if canImport(Glibc)
        if urandomDescriptor >= 0 {
            let filled = withUnsafeMutableBytes(of: &bits) { buffer -> Bool in
                guard let base = buffer.baseAddress else { return false }
                var offset = 0
                while offset < buffer.count {
                    let count = read(urandomDescriptor, base + offset, buffer.count - offset)
                    if count < 0, errno == EINTR { continue }
                    guard count > 0 else { return false }
                    offset += count
                }
                return true
            }
            if filled { return bits }
        }
        #endif
        var generator = SystemRandomNumberGenerator()
        bits = (generator.next(), generator.next())
        return bits
    }
}
