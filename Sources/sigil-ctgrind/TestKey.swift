/// An RSA-2048 key made for the constant-time checks only (`openssl genrsa 2048`).
///
/// It protects nothing; it gives the checks a real key whose signatures can be verified.
let checkKeyPEM = """
    -----BEGIN RSA PRIVATE KEY-----
    MIIEpAIBAAKCAQEAtlyp8bpRTrn5vY/QrdKZcxMWUMOtNXNjDFxkS9hv7gWBiBTc
    TiJJpEoUDqOp5FokaT2dtaRFAog9UVnmVE7pA4jjMpzkjy0q6l1XyJ+7DNdFi9UR
    E8I3MA2TIqGvyo66/wvhURy+gW3RnS5+2n/qlzz4J2qutHRyN96Kqf98gsmFQdRh
    rxa7SKFdXWE6mEPkK3kNukp6efDX6hrLTC/eeVwsXeOMp55T1WtDBEHTksy7F1v+
    vvpYH32wOYUMUTYD/0R29qEvClQVeVxA+CNOlBsoMJQ12EBipanrV4p+0YHnlnRC
    Bx3nT3OwBnzEU3LCsEZ+7E3FzYmM0UJTVJUS3QIDAQABAoIBAEryLk3QGtZWDFNh
    pYuqf7IRaBxtLuRGtbBA0F9zZhzWWnPIzvm1kbpZT4DstkfI3Cn8TrJ1/n6Z60lh
    vw1rGMyBF46XeD93eqmzDv6+1qriVgyv1kLekLvI+G1FMe/3VNa41TL2szySG5GT
    qEK4S3s4bWwVphM3wDFB3o8bFtrQsal0gjui8ebnf3ctZM5yFQgGz5pVYQHTfqQA
    yacgg209i53J794tADjwGaJUyBHTFepOBBjIbBSFCqwFUXjTkjZu6SXu5vCEN6hF
    BhSHOvsWXwtQHEPDiNsHgUs7LVGz3Xq0e6+VHd+9KMZkcg7aAb8dO3HiXbJKGNgz
    Pxja0KkCgYEA3wet9kZr1nJDG7WeqQYLN7FOfyL96bjK+OZhyTfyreFoLnBPrpAy
    dqVwDZZRTxn9WhyhTIxb+I5cXuo23YEkRY8mGwS/6zSKwJalHGbzlG7wC+6+m4mC
    zwyN8xmv5g1vEO5gHgYVzlPGJH6EFWyXh8mFYWL5q2v7EuK6zFUJFF8CgYEA0VHy
    wUEKa7ETz+Cgyf4hJSEIUxSjT86LeNzVtzOkGgNAiOSvePXSy9n15k7fyQ1bmEic
    j/RDRZwu10wS6pFKTlu61Gso3X5tV+JsfU6ysBEyFek4b9KcYVTwIYEMOaJliYyD
    7m9RFHhBgnLql8sBxoi0lTWORqD5Vic28/p0AkMCgYEAkL+FMf8GYgmKcGNxc7WO
    djjG/1CQhq3+XYf4EwYSpLNUUD9oF51SgxpgHRFf9/ygJ2nJbcryreCHJrrPnPcB
    uXtsecCdZmOVYeTjiAlxMPbHKJdscbnPgd1eC1ayiJZTbSOokhPU9zH7uRe7VcRC
    nEg4HrqD27ObIeiw34iY+fUCgYBnKrm4EEN/kpZONctp4ywY7a/5qslXM1jAqC9Z
    jUVLYOD016m4t4g+2t18ttFLeZ70bo1j0iM58uGPUbpdDGEQP9vUiEBq8r4Xu8x2
    8kvVxZPnArzDOI3E1yVHjiAlY+ohojUAVrMioKbBEbyYNgFZBdXjWLMYEozxroBC
    PeXhmwKBgQCZp6QQLsHMVbJafwamKJZLnjt9NMYIIh0xW3et/RdSJ8+n38Jhbzp1
    ex4M5XUv8oNdhm7tOZkCsixvwmQtoVjV6xgSk6N0yRPBxB7thCEoziZek96LS9EI
    Glion7ZO4RUMLX9vuoCeUjJcT9BaMOT3M56YQIJc30WrL9gNlN7LaQ==
    -----END RSA PRIVATE KEY-----
    """
