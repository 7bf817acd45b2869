// SigilBase64: implementation lands with its issue.
