import SigilJSON

/// A token whose signature verified and whose claims passed validation.
public struct VerifiedJWT: Sendable {
    /// The JOSE header.
    public let header: JSONObject
    /// The validated claims.
    public let claims: JWTClaims
    /// The algorithm the signature was checked with (the key's, equal to the header's).
    public let algorithm: JWTAlgorithm
    /// The ID of the key that verified the signature.
    public let keyID: String?
    /// The payload's bytes as signed: the decoded second segment (JSON text).
    public let payload: [UInt8]
    /// The key that verified the signature.
    let key: JWTKey
}

/// A JWS whose signature verified; its payload is not interpreted (RFC 7515 §5.2).
public struct VerifiedJWS: Sendable {
    /// The JOSE header.
    public let header: JSONObject
    /// The algorithm the signature was checked with (the key's, equal to the header's).
    public let algorithm: JWTAlgorithm
    /// The ID of the key that verified the signature.
    public let keyID: String?
    /// The payload's bytes: the decoded second segment.
    public let payload: [UInt8]
}
