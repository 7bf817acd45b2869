/// Values shared by Sigil's example programs (`sigil-token`, `sigil-server`, `sigil-demo`),
/// so that they work together out of the box.
///
/// The libraries know nothing of them.
public enum SigilDemo {
    /// The demo HMAC secret (48 bytes), used by `sigil-token` and `sigil-server` when the
    /// environment variable `SIGIL_JWT_SECRET` is not set.
    ///
    /// Both print a warning when they fall back to it.
    ///
    /// - Warning: This value is public. Anyone can forge tokens for a service that uses it.
    ///   Set `SIGIL_JWT_SECRET` to at least 32 random bytes for anything but a demo.
    public static let secret = "sigil-demo-secret-PUBLIC-do-not-use-in-production"

    /// The environment variable the example programs read the HMAC secret from.
    public static let secretEnvironmentVariable = "SIGIL_JWT_SECRET"
}
