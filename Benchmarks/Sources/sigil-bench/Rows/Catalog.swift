/// A named set of rows built together (they share inputs and keys).
struct RowGroup: Sendable {
    var name: String
    var makeRows: @Sendable () async throws -> [Row]
}

/// Every row of the table, in order. A new group is one line here; a new row is one `Row(...)`
/// in its group's file under `Rows/`.
enum Catalog {
    static let groups: [RowGroup] = [
        RowGroup(name: "SHA-2", makeRows: HashRows.make),
        RowGroup(name: "HMAC", makeRows: HMACRows.make),
        RowGroup(name: "RBAC", makeRows: RBACRows.make),
        // Later rows, added when their modules land on main:
        // - issue 3 (SigilRSA): RSA-2048 / RSA-4096 PKCS#1 v1.5 SHA-256 verifies/s vs
        //   swift-crypto `_RSA.Signing.PublicKey`                       -> Rows/RSARows.swift
        // - issue 7 (RSA signing): RSA-2048 sign/s vs `_RSA.Signing.PrivateKey` (in RSARows),
        //   RS256 token sign/s vs jwt-kit (in JWTRows)
        // - issue 4 (SigilJWT): HS256 sign, HS256 verify + exp, RS256 verify + exp, tokens/s vs
        //   jwt-kit 5.8.0 on the seed's payload                         -> Rows/JWTRows.swift
    ]
}
