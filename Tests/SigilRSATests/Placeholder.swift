// Tests for SigilRSA land with its issue.
