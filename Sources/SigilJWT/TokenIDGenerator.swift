// Random token IDs (jti): 128 bits from the operating system's CSPRNG, through the standard
// library's SystemRandomNumberGenerator (getrandom(2) on Linux, arc4random on Apple
// platforms). No descriptor is held open and no process-wide state is touched.

enum TokenIDGenerator {
    /// 128 random bits.
    static func randomBits() -> (UInt64, UInt64) {
        var generator = SystemRandomNumberGenerator()
        return (generator.next(), generator.next())
    }
}
