#if !hasFeature(Embedded)
import SigilJSONCodable

extension JWTSigner {
    /// Signs a typed payload, encoded as compact JSON with `SigilJSONEncoder`.
    ///
    /// - Parameter payload: The claims. Include `exp`: verifiers require it by default.
    /// - Returns: The token.
    /// - Throws: `EncodingError` if the payload does not encode (a non-finite number, a
    ///   date outside the NumericDate range); `JWTError` (`.invalidKey`) if the key cannot
    ///   sign.
    public func sign<Payload: JWTPayload>(_ payload: Payload) throws -> String {
        let json = try SigilJSONEncoder().encode(payload)
        return try sign(payload: json)
    }
}
#endif
