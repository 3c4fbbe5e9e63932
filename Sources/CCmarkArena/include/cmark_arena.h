#ifndef INZAGE_CMARK_ARENA_H
#define INZAGE_CMARK_ARENA_H

/// An allocator for libcmark-gfm (`cmark_mem`) that hands out the calling thread's memory: a
/// page's parser, nodes, buffers and rendered HTML are carved one after the other from a block
/// the thread keeps, and given back all at once by `inzage_cmark_arena_reset` when the page is
/// done. A page of Markdown made about a thousand calls to `calloc`, `realloc` and `free`, and
/// freeing its nodes went through the whole tree once more.
///
/// Each thread has its own arena, so pages are parsed on all cores at once. Memory from it is
/// never passed to `free`; `free` through the allocator does nothing. Nothing of a page may be
/// used after the reset: not its nodes, not its parser, not its rendered HTML.
///
/// libcmark-gfm's own arena (`cmark_get_arena_mem_allocator`) is one for the whole process.
struct cmark_mem;
struct cmark_mem *inzage_cmark_arena(void);

/// Gives back everything the calling thread's arena handed out. Its block is kept for the next
/// page (one block as large as the page needed, up to a limit); a thread that ends frees it.
void inzage_cmark_arena_reset(void);

#endif
