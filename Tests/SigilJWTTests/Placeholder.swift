// Tests for SigilJWT land with its issue.
