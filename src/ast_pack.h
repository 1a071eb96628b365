/*
 * ast_pack.h - a task's statements as bytes while the plan waits to be
 * resolved.
 *
 * Tasks are most of a large plan, and their statements (giao, gửi, hạn
 * and the references and dates under them) seven or eight nodes of 64
 * bytes each, all alive at once until the resolver has read them. Packed
 * at the end of each task's parse, they take a tenth of that, and their
 * nodes are cut again for the next task; the resolver unpacks one task at
 * a time into nodes it spares again when done (kh_node_spare_trees). The unpacked nodes are the parsed ones,
 * field for field: nothing that reads them can tell.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_AST_PACK_H
#define KH_AST_PACK_H

#include <stdbool.h>

#include "ast.h"

/* A parse's scratch for packing (reused from one task to the next: a
 * task's bytes are copied out). */
typedef struct kh_packer kh_packer;
kh_packer *kh_packer_new(void);
/* During a parse (the dead nodes are spared): TASK's children go into
 * one block held where a list keeps its last child; TASK->kids is NULL. */
void kh_node_pack_kids(kh_node *task, kh_packer *p);
bool kh_node_is_packed(const kh_node *n);
/* TASK's children: as parsed, or unpacked into nodes from kh_node_new
 * (the spared ones first, ast.h): the resolver spares them when it is
 * done, so the next task is unpacked into the same nodes. A task is
 * unpacked once: after, it has no children (its bytes may be reused). */
kh_node *kh_node_unpack_kids(kh_node *task);
/* The parse is over: nothing more is packed (a chunk whose tasks are all
 * unpacked may then be the model's). */
void kh_packer_done(kh_packer *p);

#endif
