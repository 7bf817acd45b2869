// SigilRBAC: implementation lands with its issue.
