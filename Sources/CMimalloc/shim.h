#ifndef INZAGE_CMIMALLOC_SHIM_H
#define INZAGE_CMIMALLOC_SHIM_H
// mimalloc (Debian's libmimalloc-dev). Linking its shared library puts its malloc, free and
// friends before glibc's for the whole process: every allocation of the program, the Swift
// runtime's and libcmark-gfm's included, goes through it. Only its API is declared here.
#include <mimalloc.h>
#endif
