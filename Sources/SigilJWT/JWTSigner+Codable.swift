#if canImport(FoundationEssentials)
import FoundationEssentials

extension JWTSigner {
    /// Signs a typed payload, encoded with `JSONEncoder` (dates as NumericDates).
    ///
    /// - Parameter payload: The claims. Include `exp`: verifiers require it by default.
    /// - Returns: The token.
    /// - Throws: `EncodingError` if the payload does not encode; `JWTError` (`.invalidKey`)
    ///   if the key cannot sign.
    public func sign<Payload: JWTPayload>(_ payload: Payload) throws -> String {
        let json = try JSONEncoder.jwtPayload.encode(payload)
        return try sign(payload: json)
    }
}
#endif
