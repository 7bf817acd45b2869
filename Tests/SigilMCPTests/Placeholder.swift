// Tests for SigilMCP land with its issue.
