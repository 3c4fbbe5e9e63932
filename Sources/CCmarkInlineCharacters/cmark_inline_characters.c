#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdatomic.h>
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include "cmark_inline_characters.h"

typedef void (*manage_function)(cmark_parser *parser, int add);

/// Set once the characters are in the table for good; read by every parser on every thread.
static atomic_int shared;

/// libcmark-gfm's own definition: the next one after this executable's in the lookup order.
static manage_function library_definition(void) {
    return (manage_function)dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters");
}

void cmark_manage_extensions_special_characters(cmark_parser *parser, int add) {
    if (atomic_load_explicit(&shared, memory_order_acquire)) return;
    manage_function library = library_definition();
    if (library) library(parser, add);
}

int inzage_cmark_share_inline_characters(struct cmark_parser *parser) {
    // The library's calls go through its PLT, which binds to the first definition in the global
    // lookup order: this one only when the executable exports it.
    void *bound = dlsym(RTLD_DEFAULT, "cmark_manage_extensions_special_characters");
    manage_function library = library_definition();
    if (bound != (void *)cmark_manage_extensions_special_characters || library == NULL ||
        (void *)library == (void *)cmark_manage_extensions_special_characters) return 0;
    library(parser, 1);
    atomic_store_explicit(&shared, 1, memory_order_release);
    return 1;
}
