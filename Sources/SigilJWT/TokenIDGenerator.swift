// Random token IDs (jti): 128 bits from the operating system's CSPRNG. No descriptor is held
// open and no process-wide state is touched.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

enum TokenIDGenerator {
    /// 128 random bits.
    ///
    /// On Linux one `getentropy(3)` call (a single `getrandom(2)` system call) fills all 16
    /// bytes; the standard library's `SystemRandomNumberGenerator` would make one system call
    /// per 8 bytes, and a token ID is minted for every token signed. Elsewhere (arc4random on
    /// Apple platforms, no system call), and if that call fails, the standard library's
    /// generator supplies the bits.
    static func randomBits() -> (UInt64, UInt64) {
        #if canImport(Glibc) || canImport(Musl)
        var bits: (UInt64, UInt64) = (0, 0)
        let status = withUnsafeMutableBytes(of: &bits) { getentropy($0.baseAddress, $0.count) }
        if status == 0 { return bits }
        #endif
        var generator = SystemRandomNumberGenerator()
        return (generator.next(), generator.next())
    }
}
