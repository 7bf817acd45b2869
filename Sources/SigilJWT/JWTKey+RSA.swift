import SigilJSON

extension JWTKey {
    /// An RSA JWK's key. RSA keys arrive with SigilRSA; until then they are refused.
    static func rsaJWK(_ object: JSONObject, algorithm: JWTAlgorithm, keyID: String?) throws(JWTError) -> JWTKey {
        throw JWTError(.invalidKey, "RSA keys are not supported in this build")
    }
}
