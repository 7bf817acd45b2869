// SigilSHA2: implementation lands with its issue.
