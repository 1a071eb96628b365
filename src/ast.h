/*
 * ast.h - the raw syntax tree the parser builds: one node type, a kind, a
 * span, and a list of children. The grammar only builds; meaning comes
 * later in the resolver (resolve.c), as in PostgreSQL's parser/analyzer split.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_AST_H
#define KH_AST_H

#include "source.h"

/* X-macro so the enum and the debug names cannot drift apart. */
#define KH_NODE_KINDS(X) \
	X(FILE) X(IMPORT) X(PLAN) X(ATTR) \
	X(LEVEL_DECL) X(BODY_DECL) X(DOC_DECL) X(EVENT_DECL) \
	X(SECTION) X(PART) X(PARA) X(BULLET) X(SUBBULLET) X(LINE) \
	X(PURPOSE) X(REQUIREMENT) X(CONTENT) \
	X(TASK) X(MEETING) X(AWARDS) X(AWARD_FORM) X(TARGET) \
	X(BUDGET) X(BUDGET_ITEM) X(RECIPIENTS) X(RECIPIENT) X(ARCHIVE) \
	X(SIGN) X(ADDRESSEES) X(OUTLINE) \
	X(G_ATTEND) X(G_GUEST) X(G_EACH) X(G_GROUP) X(G_TEXT) X(EXCEPT) \
	X(REF_ID) X(REF_LEVEL) X(REF_SUPERIOR) X(REF_TEXT) X(REF_ORGLEVEL) \
	X(W_BEFORE) X(W_WITHIN) X(W_ON) X(W_FROM) X(W_AFTER_REF) X(W_BEFORE_REF) \
	X(W_OFFSET) X(W_RECUR) X(W_TBA) X(W_SPAN) \
	X(D_DMY) X(D_MONTH) X(D_DECADE) X(D_QUARTER) X(D_YEAR) X(D_YEAR_END) \
	X(D_DAYMONTH) X(HOLIDAY_DECL) X(KINDRULE_DECL) X(AWARDRIGHT_DECL) X(PERIOD_DECL) \
	X(DURATION) X(STRING) X(NUMBER) X(IDENT) X(FLAG) X(BLOCK) \
	X(ATTRIBUTE) X(ATTRIBUTES) X(CRITERIA) X(CRIT_RULE) X(CRIT_EXCLUDE) X(RANK) X(RANK_KEY) X(QUOTA_EACH) \
	X(E_OR) X(E_AND) X(E_NOT) X(E_CMP) X(E_IN) X(E_RANGE) X(E_CONSEC) X(E_ATLEAST) \
	X(E_NOTAWARDED) X(E_LIST) X(E_REF)

typedef enum kh_node_kind {
#define KH_X(name) KH_N_##name,
	KH_NODE_KINDS(KH_X)
#undef KH_X
	KH_N__COUNT
} kh_node_kind;

typedef struct kh_node kh_node;
struct kh_node {
	/* Laid out to fit 64 bytes: there is a node per token, and the tree
	 * of a large plan is most of its memory while it is resolved. */
	kh_node_kind kind : 16;
	short flag;           /* planned (dự_kiến), level qualifier present...
	                         (-1 to 2) */
	kh_span span;
	union {
		struct {
			int key;      /* ATTR: the keyword token; KIND/DECADE/RECUR values;
			                 a from-to start date: KH_DATE_NO_YEAR… */
			int n[3];     /* numbers: y/m/d, counts, half-days (the scanner
			                 refuses numbers of more than 9 digits) */
		};
		kh_node *last;    /* a list's (kh_node_is_list): its last child,
		                     so that the parser appends in constant time */
	};
	const char *id;       /* declared or referenced identifier, NFC */
	const char *text;     /* string payload, unescaped */
	kh_node *kids;
	kh_node *next;
};

/* The nodes the grammar appends to one item at a time, without bound (a
 * block of statements, a file's declarations, a criteria list): they keep
 * their last child and have no key or numbers. Any other node has a
 * handful of children, found by walking them. */
static inline int kh_node_is_list(kh_node_kind k)
{
	return k == KH_N_BLOCK || k == KH_N_FILE || k == KH_N_E_LIST;
}

/* The key of the first date of a from-to window ("từ 01/10 đến
 * 17/11/2025"): the parts it leaves to the second date (the resolver's
 * business, resolve_when.c). */
enum { KH_DATE_FULL, KH_DATE_NO_YEAR, KH_DATE_NO_MONTH };

/* The comparison of an E_CMP node (its key), and of the test inside a
 * count (E_CONSEC, E_ATLEAST: key too; E_IN there when a list). */
enum { KH_CMP_EQ = 1, KH_CMP_NE, KH_CMP_LT, KH_CMP_LE, KH_CMP_GT, KH_CMP_GE };

const char *kh_node_kind_name(kh_node_kind k);

kh_node *kh_node_new(kh_node_kind kind, kh_span span);
/*
 * Nodes the parser knows to be dead (a list's wrapper once its items are
 * adopted, a task's id and string once their text is copied) are cut
 * again before new ones: a quarter of a large plan's tree, which no
 * collection could take back, since the blocks nodes are cut from stay
 * while any node in them lives. Only during a parse (kh_parse: begin with
 * a list of its own, end before it returns), so that no dead node is
 * kept past it; outside one, kh_node_spare does nothing. The resolver
 * does the same for the nodes it unpacks a task into (ast_pack.h).
 */
void kh_node_spares_begin(kh_node **list);
void kh_node_spares_end(void);
/* N is dead: nothing points to it, and nothing will read it again. */
void kh_node_spare(kh_node *n);
/* FIRST, its siblings and everything under them are dead. */
void kh_node_spare_trees(kh_node *first);
/* Appends CHILD (and the siblings after it) to N's children; returns N. */
kh_node *kh_node_add(kh_node *n, kh_node *child);
/* Joins two sibling lists; either may be NULL. */
kh_node *kh_list_append(kh_node *list, kh_node *item);
kh_span kh_span_join(kh_span a, kh_span b);
/* Adjacent strings: B's text appended to A's, in amortised linear time. */
kh_node *kh_string_concat(kh_node *a, kh_node *b);

#endif
