import SigilJWT

extension KeyLoading {
    /// PENDING(SigilRSA): PEM keys arrive with SigilRSA.
    static func rsaPublicKey(
        pem: String, algorithm: JWTAlgorithm, path: String, command: String
    ) throws(UsageError)
        -> JWTKey
    {
        throw UsageError("\(path): PEM keys are not supported in this build", command: command)
    }

    /// PENDING(SigilRSA): RSA private keys arrive with SigilRSA signing.
    static func rsaPrivateKey(
        pem: String, algorithm: JWTAlgorithm, path: String, command: String
    ) throws(UsageError)
        -> JWTKey
    {
        throw UsageError("\(path): PEM private keys are not supported in this build", command: command)
    }
}
