/// RSA keys for the benchmark only: generated for this file, they protect nothing.
///
/// Fixed keys keep runs comparable and spare `--quick` a 4096-bit key generation.
enum BenchmarkKeys {
    /// RSA-2048, e = 65537, PKCS#8 "PRIVATE KEY".
    static let rsa2048PrivateKeyPEM = """
        -----BEGIN PRIVATE KEY-----
        MIIEuwIBADANBgkqhkiG9w0BAQEFAASCBKUwggShAgEAAoIBAQCSNmAuQ8yqV8zA
        wYIZsjOBPAZR/ZbRwO/W6xO+vB3+5/U5IIxC+vJzA6Mcz8rS3rov9VFrNKpdSGEE
        nhSfu4LcD9qbREvoKYXmzeB29uYLnfmHmOhdKIG3HjD2rAvBBRQrOvaXXsWEMyqg
        Q2TAO33jvZfkMOdpHAe4vVcRJ/HpE4Yr8/mn4VyYaQvq3LDJblCzDCokfMfkPEq+
        J1ORGMTo7MybUrLcGvmz97O/yC6CK/N4eHtppRKAZQoFq7FDw5b6tkRZTaseQYzY
        GolU//dOY04JW6qavsQoSOO727Jk7i+7dh1EDheA2K1bzLu4833Z/lkunUvu0CKd
        COVxBMSJAgMBAAECgf9RYvMmzZafO0A+C3jf1NHWnhLmkMHjAAKBH1leUlhgC730
        jqmEnytV2jBxWTkNJ+17xJINmsM6KY/Xgib4wueUlz6YLuwRzws57l+D2Os0jDrZ
        v8OYF3Qc+jFHHX1tc+ZGKgwZNie77r9LdjgeyP7KRj7GRnKJj5C8xKgyZInDssL+
        oJ9Hyzs6iFqqUPw7nAexDKaIffcqyXp+pPxRfzAwi5x9TWomor2pLxImBkeyXkcd
        bHH57WBDuwKG4DGJmMDzWSlZS2K7oiaIp19i2XOSS9+ILwZGrCMhB9V3o/0AUaoG
        HUxEj/wFEaq4n/BpQwBLQHfBSGTTKvvaQBTRjjsCgYEAx6gPv4pNgv+kZdaFr574
        6+2d9XeRh4n5zT+7RFdyvEnscr5CI5+WMMjykqib55FtenJsSOSNDoVH9atwiFn1
        JDcbbYHVj5Qb3YwuRgRjJpA1b1CTkvBzFgzZz1SgXMyFr2sQjIj6aglNMek8Su0y
        jqQvIn6SXWFyBazyhNMkmdMCgYEAu3lPzn3XMnuMzwsNE/DM8w0lu0ORbeCK/Ing
        3eNy0mQyHLhkRMQQNRKtlUPp72m9nse09Z55SpkDb4LbjMZA5o2G4F5I+kFa4/4g
        h4KD9NCY3FXfWGlEpmEyENBfWAkI/XPTeLCMfNBgB/NjPYgGQb+vTgee3/yjnyWP
        wmbWMrMCgYEAgrcCUHng04JBhLcVYWyoNfak8x+sNNvdo0Y1ecHzCVkwp9LuhFoo
        P5pgTip7n/lzfrZJNNQFkdsqyKnMjEixGVvG5kQZqN3j/IGZjhezPn0trspHQ+2O
        u4IAXCBguUDhyX5EIG5R3HhohOPZqIhxEDhn76KEewSgXRzkzpdaICcCgYAakmo+
        YVXEIQDnQ7C519KkzINBlKUjRsVMYBqQOLHIokz8ByKnIIcPjrMtye95cKpgu/up
        KKoWabOz9X8658rBIuQwHw0G84Z3dEiWDGi5pWtVJ5K9jEYfsv0OpwoshzNQAT/D
        BnsTIdHKrrOtP/9rCElHrQrWwo9Kel9y9XJ8wwKBgDua0ftj0CKLTW2HEvJJ+LGu
        slYv18yMyXXgOrhnfzG6T8VbfK01E/JyYrRb33I7S/ne2oYI+5cZ4LyC19mcCqzG
        xzJHTkQjCs7whNq2ftVdnv51Id6iwGXDxO2RDwuXskS5OORI7CIPtZh8tEec5rl4
        6dFj/3JD4mRvnV/QKIpX
        -----END PRIVATE KEY-----
        """

    /// The public half of `rsa2048PrivateKeyPEM`, SubjectPublicKeyInfo "PUBLIC KEY".
    static let rsa2048PublicKeyPEM = """
        -----BEGIN PUBLIC KEY-----
        MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAkjZgLkPMqlfMwMGCGbIz
        gTwGUf2W0cDv1usTvrwd/uf1OSCMQvrycwOjHM/K0t66L/VRazSqXUhhBJ4Un7uC
        3A/am0RL6CmF5s3gdvbmC535h5joXSiBtx4w9qwLwQUUKzr2l17FhDMqoENkwDt9
        472X5DDnaRwHuL1XESfx6ROGK/P5p+FcmGkL6tywyW5QswwqJHzH5DxKvidTkRjE
        6OzMm1Ky3Br5s/ezv8gugivzeHh7aaUSgGUKBauxQ8OW+rZEWU2rHkGM2BqJVP/3
        TmNOCVuqmr7EKEjju9uyZO4vu3YdRA4XgNitW8y7uPN92f5ZLp1L7tAinQjlcQTE
        iQIDAQAB
        -----END PUBLIC KEY-----
        """

    /// RSA-4096, e = 65537, PKCS#8 "PRIVATE KEY".
    static let rsa4096PrivateKeyPEM = """
        -----BEGIN PRIVATE KEY-----
        MIIJQQIBADANBgkqhkiG9w0BAQEFAASCCSswggknAgEAAoICAQCeApfJGImmfjw8
        zP28wSSVXWVsQolf0z9zHhDy986qPqyvotgTnkMhlls1BmqLBsaTFB5dfNhBu3zY
        cgA4Kjkd+ZcvdQut0Wn5YbmzLD5xDxkeqrAanjuhMFzFK9eSJPk5MPypGuWhh3UA
        +eDinKUSh82gMqVIWVS8bowsW6Q4N5zkZwClxlnOiv7CI1tk2gf3dfVNUd+EYLPq
        urqNtbhJa+/MOURdlnwSZNIqULm/3ou1JBi4z8E7ppr6S5eSzH4KjFjkqyQOfLIq
        9ZWUSMILRaXAgFAKRKJxNBPT471z7BXN8dNX/RKPpHObPZcywOm6lA3j8o5Pf/7m
        /3i5h4M1v3jHOEB/Fn0pNGm8ViEvPNNBP3tPhJ/R0JsQhHB1Tbd7W4EWdSbnXXpg
        TMLRyLrUlaH6qhAV7HLavhfjsGcMgd5n6kwVL7Z/imRxUa9Wb1BIILTDXJAl3whA
        NIu+GZoL5Bv6MAw1ZDdcbJ6kEhBitOlS69PIrLAggz/RAgArTF3bGeX31NCTfCnU
        jqJqy+br7euJXfaT1tdlhNQ8rbtX8wkaSPHy8L7JRXkFN6HCZc/YVu3jHaz/vwYn
        qtLvxdry7ot5856DMDwHoT7CA62wsSRjJaBMU3FXA/z1FKRkLOKy3pPLftgbDUQj
        S8c+5nLxvE7n/ruwhizCqN1s0h4MvwIDAQABAoICAAr49R9i09Q6+eXi+k/MPcUd
        ijh9WlrMKaDN2rF0oeZSmd1MeqLKH7FKZqUFAAsNemamRAGL9NyDr4S8TeWYkQTS
        2zvRbfExFKHbtnCJxwBE4yKtCbOff1aPLDII/FxKsv/UtgbsNjwEUwyxTXuPEyt5
        QL86JR4kDe1T4+oEpx+8ROnbeUEJyBy+rDhBCkyzk1AM4e7vm4zuxi+rrd6/Wr/G
        fg15gJTbKVyBodKMbomzY5I9onXa/3kr9aEh9LGd/7atzlJ6y/Mxl5HCIhP9BXSQ
        7pSylFxSLdGcoy/YpcRSBaWagGmgylQtQFXsbf55RQHO3DQTGOzOX54c6X5Aucy6
        unjjs8t58uP7aig6igHlFpovC4tW3wkFOTlgwRIi87MCHH15ggcEBAeqQdpQAlZ9
        z/RFQYNBD0qrLXzTGJf0DGqq0jOBgyFq0w9BYvSk/w9MUvM0Oxz8X9bXzgH/wRvt
        ZUiqnloVVl/c7MZCTi6/xjJ/zNoI2ZMZNVvszBifdoTY/gASoniJiuCKwocFUOJA
        sZUJvZ8EoboxDU2FG6TkksnZ8r6C0yR/XfyfkEkP2JU9fQSc126tQ/2VaG0UPfBx
        BiyYCOVxspdM8MZXZiTuSsUqOL5CUKsqOU9Ix99hLnT7+KFVRoQv+ceIY635aE61
        M3pm3npOuG45vdcck4D5AoIBAQDTVy7k7vnvDdDFyA0JpA63VJxS8rVOpTlRrnJh
        MV/6szPf4mbe6zrLtkM0OlpMHGw7f3FpDHJiTelQ2EI1sX1FvhuYLAN85O2DeYr2
        U3E8a++cN8G4iO2jdcVbJMd+HOXpymtEuUYZD48Wqug7gx9iD1f80JVRJ4vaoD+u
        T3Lke5WMfatL9EwJK/ErmZtYu/LKCuGyICxQRX0k3SY0E2ThytPGUFajYvGq7r+y
        EMeCDggU1OfGoGLffUr51qX5wSkqIEmM0dZ0nviFtvCCKckwfl5oLOTXXJL9fqTk
        pYBtzvlTOxg5TgJn1e7wSokLJM4JHXbEeecF95GXNhnjui1FAoIBAQC/Zml1T+D4
        gCsh9AAmKxaPQSVsA7cLYCKw3JvGvnFLQ2VAIlZfTbOKydAgt3X5zDluFD5fHvLD
        /wuAQLMNnUGSZRwLMx61bTjQm7GDARqVhGute0oGrN4llnYk5mI6yWMJ1QOldW8A
        bYri029jUvvGOd+YemgU9cR8C+Z7kkPD5zRPiho1zYgUzbt4AyQsWk4MF68UCMNQ
        TTwW3elIQhQEt5XzuCQ60LbkmI9ZTTfb2Hpbu9LnOBDhaN0QDL4WaGOd6Ht8Qoz5
        Q1aSuRQnbfKdooFWWOH/NQbqD0z5334KdoyTTLOdTM//faUhwuRCV4bmFxUuSD7/
        sCkD7LCtx2gzAoIBAAwzASL35Hd3HbD8/jurO6o7eRaUqgCTKv7bCgEwP3ESPRFU
        WUnO3EL8D18Ja0LvdRPuJFbDACtKgghHo3LD/w4yjhc3my/vawJm1q2nXWb2eAtV
        cJo9VTJVTwIW2mkeM+tN4ulBpJk3u7O8Q9GDnSEk75hJVgUsOjdxfpuKPICR3a0R
        Z/znaigxYCd7I2t41efxvttwXf54NGQXW+gvomgiNB1Db+zYfki2pVwa+dk5BCBn
        tcVSZsKt0dEgIc6L5ttmp7g4OJ/cuU3GpJVu4g0pjjuHM+J2lomJcO093G76Powe
        YiSUqzDhOXynYMfC5R3DlKJ8wugmRUIsPkxV590CggEAOwpkTYOuaflfVMHnqd5w
        vw/hc0hSFng5O0VR6CSm3giUGwx8iDl3wMAwK2dsRPnyXTpxYvYw/LSX36AVm4V+
        zKHT3MCQIHbop7DfOQIGKUkHziPR2e1JOV8IYqmOc4PbwRSsY0WuT/t6dC20lnbq
        o2MGzgo0QQLu8TTajBO6Q5v2TvLS0vXrnD86LPMLHYNdv+0uXIe3d/XbK1KYu2lm
        s23OG7gZtOrc//bvgSSIrpBAbjup+xkYW+/1ARZtLIxW7kbgkJwW0G0tL2VYCjGo
        PWf7bZ9NV2QMFfdST2HZh3C6PFXUshkXsEAZyChOMQi+3AsSxYwTotu8SzGf7nss
        cQKCAQBQbyrANssVgN7XQ+gf6tMUUPuKz7GiajU6QzWGMEu6Ca5ERC0WeucJ45go
        RfjqjzHqnu+NHRO7R2GU4OTKUht8U7b9nnRJkfu7PZGuOal4GO2NGmnKEZQanrlL
        baZxIxVxrBpVWXK5uQpIyZuV9NyFy24dB4h0MicVnL3M6MYgIE8woPTJZ9aVYkgn
        Z7Ag9S4ZfWgnhMr3itx1E1jKKbjv4zmMkhBB138x7sIBnde2Vpor/2r2mC7Zeoc9
        Qs2V2klKWUKtaXCZ6b1X10eZC/26GtpCB2n2MRyssYwBnTa/3buiaxSzr2k3+NUC
        VbNnAKdGfjVUNC9p5eYHavgZ3cVf
        -----END PRIVATE KEY-----
        """

    /// The public half of `rsa4096PrivateKeyPEM`, SubjectPublicKeyInfo "PUBLIC KEY".
    static let rsa4096PublicKeyPEM = """
        -----BEGIN PUBLIC KEY-----
        MIICIjANBgkqhkiG9w0BAQEFAAOCAg8AMIICCgKCAgEAngKXyRiJpn48PMz9vMEk
        lV1lbEKJX9M/cx4Q8vfOqj6sr6LYE55DIZZbNQZqiwbGkxQeXXzYQbt82HIAOCo5
        HfmXL3ULrdFp+WG5syw+cQ8ZHqqwGp47oTBcxSvXkiT5OTD8qRrloYd1APng4pyl
        EofNoDKlSFlUvG6MLFukODec5GcApcZZzor+wiNbZNoH93X1TVHfhGCz6rq6jbW4
        SWvvzDlEXZZ8EmTSKlC5v96LtSQYuM/BO6aa+kuXksx+CoxY5KskDnyyKvWVlEjC
        C0WlwIBQCkSicTQT0+O9c+wVzfHTV/0Sj6Rzmz2XMsDpupQN4/KOT3/+5v94uYeD
        Nb94xzhAfxZ9KTRpvFYhLzzTQT97T4Sf0dCbEIRwdU23e1uBFnUm5116YEzC0ci6
        1JWh+qoQFexy2r4X47BnDIHeZ+pMFS+2f4pkcVGvVm9QSCC0w1yQJd8IQDSLvhma
        C+Qb+jAMNWQ3XGyepBIQYrTpUuvTyKywIIM/0QIAK0xd2xnl99TQk3wp1I6iasvm
        6+3riV32k9bXZYTUPK27V/MJGkjx8vC+yUV5BTehwmXP2Fbt4x2s/78GJ6rS78Xa
        8u6LefOegzA8B6E+wgOtsLEkYyWgTFNxVwP89RSkZCzist6Ty37YGw1EI0vHPuZy
        8bxO5/67sIYswqjdbNIeDL8CAwEAAQ==
        -----END PUBLIC KEY-----
        """
}
