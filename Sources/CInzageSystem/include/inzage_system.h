#ifndef INZAGE_SYSTEM_H
#define INZAGE_SYSTEM_H
/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (also where unsupported).
int inzage_exchange_paths(const char *a, const char *b);
#endif
