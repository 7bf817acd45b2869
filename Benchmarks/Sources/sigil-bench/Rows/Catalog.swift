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
        RowGroup(name: "RSA", makeRows: RSARows.make),
        RowGroup(name: "RBAC", makeRows: RBACRows.make),
        // Later rows, added when their modules land on main:
        // - issue 7 (RSA signing): RS256 token sign/s vs jwt-kit (in JWTRows)
        // - issue 4 (SigilJWT): HS256 sign, HS256 verify + exp, RS256 verify + exp, tokens/s vs
        //   jwt-kit 5.8.0 on the seed's payload                         -> Rows/JWTRows.swift
    ]
}
