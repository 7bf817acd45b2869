// Tests for SigilBase64 land with its issue.
