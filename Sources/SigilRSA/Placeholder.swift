// SigilRSA: implementation lands with its issue.
