// Tests for SigilSHA2 land with its issue.
