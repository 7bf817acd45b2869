/// A process environment that a peer needs to be measured in, such as BoringSSL with some CPU
/// features masked.
///
/// BoringSSL reads `OPENSSL_ia32cap` once, when the process first uses it, so a figure for a
/// different capability mask cannot come from the same process. An implementation declared with
/// a variant is measured in a child: sigil-bench re-executes itself with the variant's
/// environment and `--child-variant LABEL`, and the child times those implementations on the
/// parent's request, in the same round-robin as the rest (see `VariantChild`).
struct ProcessVariant: Sendable, Hashable {
    /// Names the variant on the command line of the child.
    var label: String
    /// Added to the parent's environment for the child.
    var environment: [String: String]

    /// BoringSSL without the SHA extensions (SHA-NI): bit 29 of the second capability word cleared, as BoringSSL's
    /// `OPENSSL_ia32cap` syntax `:~MASK` specifies.
    ///
    /// BoringSSL then uses its scalar/AVX assembly for SHA-1 and SHA-256, which is the bar for a pure-Swift SHA-256.
    static let boringSSLWithoutSHAExtensions = ProcessVariant(
        label: "no-sha-ni",
        environment: ["OPENSSL_ia32cap": ":~0x20000000"]
    )
}
