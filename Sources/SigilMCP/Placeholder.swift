// SigilMCP: implementation lands with its issue.
