#ifndef AIRPICTURE_OUTPUT_FILES_SHIMS_H
#define AIRPICTURE_OUTPUT_FILES_SHIMS_H

/// Atomically swaps two existing paths (Linux renameat2 with RENAME_EXCHANGE). Returns 0, or -1 with errno set
/// (EINVAL or ENOSYS where the file system or kernel cannot exchange).
int airpicture_exchange_paths(const char *first, const char *second);

#endif
