// Tests for SigilJSON land with its issue.
