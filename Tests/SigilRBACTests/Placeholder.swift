// Tests for SigilRBAC land with its issue.
