#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing to an open file descriptor, with one failure semantics for the whole package: a
/// failed system call reports its `errno`, and the caller decides what that means.
package enum FileDescriptor {
    /// Writes every byte at the descriptor's position, retrying on `EINTR` and short writes.
    ///
    /// - Parameters:
    ///   - bytes: The bytes to write.
    ///   - descriptor: An open file descriptor.
    /// - Returns: `nil` when every byte was written, else the `errno` of the failure (`EIO`
    ///   when `write(2)` wrote nothing without reporting an error).
    package static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress.map { $0 + written }, buffer.count - written)
            }
            if result > 0 {
                written += result
            } else if result < 0 && errno == EINTR {
                continue
            } else {
                return result < 0 ? errno : EIO
            }
        }
        return nil
    }
}
