// SigilJSON: implementation lands with its issue.
