// The encrypted backup: file format, payload checks and the restore merge. Pure (src/crypto and
// src/vault only); src/background/handlers/backup.ts reads and writes the vault around it.
export { BACKUP_FORMAT, BACKUP_VERSION, NotABackupError, backupText, openBackup, parseBackup, sealBackup } from './format';
export type { BackupFile, BackupPayload } from './format';
export { BACKUP_LIMITS, checkPayload, type CheckedPayload } from './validate';
export { planRestore, type RestorePlan, type VaultView } from './restore';
