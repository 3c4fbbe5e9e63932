#ifndef INZAGE_CMARK_INLINE_CHARACTERS_H
#define INZAGE_CMARK_INLINE_CHARACTERS_H

/// libcmark-gfm 0.29 keeps the special inline characters of syntax extensions (`~` for
/// strikethrough, `:` and `w` for autolinks) in one process-wide table. Every parser adds its
/// extensions' characters when inline parsing starts and removes them when it is done, through
/// `cmark_manage_extensions_special_characters`; a parser on another thread then loses them in the
/// middle of its own inline parsing (upstream github/cmark-gfm#176).
///
/// This target defines that function in the executable. The library calls it through its PLT,
/// so the dynamic linker binds those calls to this definition, which passes them on to the
/// library's own until `inzage_cmark_share_inline_characters` has run, and ignores them from then
/// on: the characters of `parser`'s extensions are then in the table for good. That is what every
/// parse saw between its own add and remove, provided every parser attaches the same extensions.
///
/// Returns 1 when the library's calls reach this definition and the characters were added, so
/// inline parsing may run on several threads at once; 0 otherwise (then nothing changed, and
/// parsers must keep inline parsing to one thread at a time).
/// The parser is only read; call this once, before any other parser finishes.
struct cmark_parser;
int inzage_cmark_share_inline_characters(struct cmark_parser *parser);

#endif
