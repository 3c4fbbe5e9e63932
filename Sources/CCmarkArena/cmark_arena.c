#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmark-gfm.h>
#include "cmark_arena.h"

/// A block of the arena: its allocations follow each other in `data`.
typedef struct block {
    struct block *previous;
    size_t size;
    size_t used;
    size_t spare; // keeps `data` 16-byte aligned
    unsigned char data[];
} block;

/// Every allocation is a header holding its size, then its bytes, rounded up to 16.
enum { header_size = 16, alignment = 16 };
/// The first block of a thread, and the most a thread keeps between pages.
static const size_t first_block = 256 * 1024;
static const size_t most_kept = 16 * 1024 * 1024;

/// The calling thread's newest block (the others through `previous`), and how much its last
/// page took in all, which the next page's first block is made to hold.
static __thread block *newest;
static __thread size_t last_total;

static pthread_key_t blocks_key;
static pthread_once_t key_once = PTHREAD_ONCE_INIT;

static void free_blocks(block *from) {
    while (from) {
        block *previous = from->previous;
        free(from);
        from = previous;
    }
}

/// Frees a thread's blocks when it ends.
static void thread_ended(void *value) { free_blocks((block *)value); }

static void make_key(void) { pthread_key_create(&blocks_key, thread_ended); }

static size_t rounded(size_t size) { return (size + (alignment - 1)) & ~(size_t)(alignment - 1); }

static void *allocate(size_t size) {
    if (size > SIZE_MAX / 2) abort();
    size_t needed = header_size + rounded(size);
    block *current = newest;
    if (!current || current->size - current->used < needed) {
        size_t wanted = last_total > first_block ? last_total : first_block;
        if (wanted > most_kept) wanted = most_kept;
        if (wanted < needed) wanted = needed;
        block *fresh = malloc(sizeof(block) + wanted);
        // libcmark-gfm's own allocator aborts when memory runs out, too.
        if (!fresh) abort();
        fresh->previous = current;
        fresh->size = wanted;
        fresh->used = 0;
        newest = current = fresh;
        pthread_once(&key_once, make_key);
        pthread_setspecific(blocks_key, fresh);
    }
    unsigned char *start = current->data + current->used;
    memcpy(start, &size, sizeof size);
    current->used += needed;
    return start + header_size;
}

static void *arena_calloc(size_t count, size_t size) {
    if (size != 0 && count > SIZE_MAX / size) abort();
    void *memory = allocate(count * size);
    memset(memory, 0, count * size);
    return memory;
}

static void *arena_realloc(void *memory, size_t size) {
    if (!memory) return allocate(size);
    unsigned char *start = (unsigned char *)memory - header_size;
    size_t old;
    memcpy(&old, start, sizeof old);
    block *current = newest;
    // The newest allocation grows in place when its block has room.
    if (current && start + header_size + rounded(old) == current->data + current->used &&
        rounded(size) >= rounded(old) && current->size - current->used >= rounded(size) - rounded(old)) {
        current->used += rounded(size) - rounded(old);
        memcpy(start, &size, sizeof size);
        return memory;
    }
    if (size <= old) {
        memcpy(start, &size, sizeof size);
        return memory;
    }
    void *moved = allocate(size);
    memcpy(moved, memory, old);
    return moved;
}

static void arena_free(void *memory) { (void)memory; }

static cmark_mem arena = {arena_calloc, arena_realloc, arena_free};

cmark_mem *inzage_cmark_arena(void) { return &arena; }

void inzage_cmark_arena_reset(void) {
    block *current = newest;
    if (!current) return;
    size_t total = 0;
    for (block *b = current; b; b = b->previous) total += b->used;
    last_total = total;
    // One block is kept, when it alone held the page and is not too large.
    if (!current->previous && current->size <= most_kept) {
        current->used = 0;
        return;
    }
    free_blocks(current);
    newest = NULL;
    pthread_setspecific(blocks_key, NULL);
}
