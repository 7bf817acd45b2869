// SigilHMAC: implementation lands with its issue.
