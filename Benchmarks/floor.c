/*
 * The cmark-gfm floor: the least work any Markdown site generator must do.
 *
 *     floor IN_DIR OUT_DIR
 *
 * For every *.md file directly in IN_DIR: read it, skip the YAML front matter (an opening
 * "---" line up to the next "---" or "..." line), render the body with cmark-gfm and the
 * table, autolink and strikethrough extensions in safe mode (CMARK_OPT_DEFAULT, as Inzage
 * does), and write the HTML fragment to OUT_DIR/<name>.html. No templates, no checks.
 *
 * Build: cc -O2 floor.c $(pkg-config --cflags --libs libcmark-gfm) -lcmark-gfm-extensions -o floor
 */
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static char *read_file(const char *path, size_t *length) {
    FILE *file = fopen(path, "rb");
    if (!file) return NULL;
    size_t capacity = 1 << 16, used = 0;
    char *buffer = malloc(capacity);
    size_t n;
    while (buffer && (n = fread(buffer + used, 1, capacity - used, file)) > 0) {
        used += n;
        if (used == capacity) buffer = realloc(buffer, capacity *= 2);
    }
    fclose(file);
    *length = used;
    return buffer;
}

/* Offset of the body: just after the closing front-matter line, or 0 without front matter. */
static size_t body_offset(const char *text, size_t length) {
    if (length < 4 || strncmp(text, "---", 3) != 0 || (text[3] != '\n' && text[3] != '\r')) return 0;
    const char *line = memchr(text, '\n', length);
    while (line) {
        line++;
        size_t rest = length - (size_t)(line - text);
        const char *end = memchr(line, '\n', rest);
        size_t line_length = end ? (size_t)(end - line) : rest;
        if (line_length > 0 && line[line_length - 1] == '\r') line_length--;
        if (line_length == 3 && (strncmp(line, "---", 3) == 0 || strncmp(line, "...", 3) == 0))
            return end ? (size_t)(end - text) + 1 : length;
        line = end;
    }
    return 0;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s IN_DIR OUT_DIR\n", argv[0]);
        return 2;
    }
    const char *in_dir = argv[1], *out_dir = argv[2];
    if (mkdir(out_dir, 0755) != 0 && errno != EEXIST) {
        perror(out_dir);
        return 2;
    }
    cmark_gfm_core_extensions_ensure_registered();
    const char *names[] = {"table", "autolink", "strikethrough"};

    DIR *dir = opendir(in_dir);
    if (!dir) {
        perror(in_dir);
        return 2;
    }
    struct dirent *entry;
    char path[4096];
    long files = 0;
    while ((entry = readdir(dir)) != NULL) {
        size_t name_length = strlen(entry->d_name);
        if (name_length < 4 || strcmp(entry->d_name + name_length - 3, ".md") != 0) continue;
        snprintf(path, sizeof path, "%s/%s", in_dir, entry->d_name);
        size_t length = 0;
        char *text = read_file(path, &length);
        if (!text) {
            perror(path);
            return 2;
        }
        size_t offset = body_offset(text, length);

        cmark_parser *parser = cmark_parser_new(CMARK_OPT_DEFAULT);
        for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
            cmark_syntax_extension *extension = cmark_find_syntax_extension(names[i]);
            if (extension) cmark_parser_attach_syntax_extension(parser, extension);
        }
        cmark_parser_feed(parser, text + offset, length - offset);
        cmark_node *document = cmark_parser_finish(parser);
        char *html = cmark_render_html(document, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser));

        snprintf(path, sizeof path, "%s/%.*s.html", out_dir, (int)(name_length - 3), entry->d_name);
        FILE *out = fopen(path, "wb");
        if (!out || fwrite(html, 1, strlen(html), out) != strlen(html) || fclose(out) != 0) {
            perror(path);
            return 2;
        }
        free(html);
        cmark_node_free(document);
        cmark_parser_free(parser);
        free(text);
        files++;
    }
    closedir(dir);
    fprintf(stderr, "%ld files\n", files);
    return 0;
}
