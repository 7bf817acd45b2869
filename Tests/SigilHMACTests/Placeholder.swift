// Tests for SigilHMAC land with its issue.
