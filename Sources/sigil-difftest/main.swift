// sigil-difftest: drives Sigil for Scripts/differential.py (issue #8).
//
// A line-oriented batch protocol, so thousands of cases cost one process start: each
// request is one line on stdin, `OPERATION ARG...` separated by single spaces, byte
// strings in lowercase hex (`-` for the empty string). Each request gets exactly one
// answer line on stdout, in order: `ok VALUE` or `err CODE`. See `DifferentialRequest`
// for the operations. Not a product; test tooling only.

var requests = DifferentialRequest()
while let line = readLine(strippingNewline: true) {
    print(requests.answer(line))
}
