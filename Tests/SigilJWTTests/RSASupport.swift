/// PENDING(SigilRSA): RSA cases are skipped until SigilRSA lands on main.
enum RSASupport {
    static let isAvailable = false
}
