// SigilJWT: implementation lands with its issue.
