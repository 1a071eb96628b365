/*
 * kehoach.y - the grammar. It only builds the raw tree (ast.h); which
 * statement is allowed in which block, and what names mean, is decided by
 * the resolver, which can explain itself better than an LR table can.
 * Part of kehoach; see README.md for the licence.
 */
%require "3.6"
%define api.pure full
%define api.prefix {kh_yy}
%define api.token.prefix {T_}
%define api.location.type {kh_loc}
%define parse.error custom
%locations
%expect 0
%param {kh_parse_ctx *ctx}

%code requires {
#include "parse.h"
typedef struct kh_loc {
	int file;
	unsigned start, end;
} kh_loc;
/* First child's start to last child's end; an empty rule is a zero-width
 * span at the previous end (jq's convention). */
#define YYLLOC_DEFAULT(Cur, Rhs, N)                                     \
	do {                                                            \
		if (N) {                                                \
			(Cur).file = YYRHSLOC(Rhs, 1).file;             \
			(Cur).start = YYRHSLOC(Rhs, 1).start;           \
			(Cur).end = YYRHSLOC(Rhs, N).end;               \
		} else {                                                \
			(Cur).file = YYRHSLOC(Rhs, 0).file;             \
			(Cur).start = (Cur).end = YYRHSLOC(Rhs, 0).end; \
		}                                                       \
	} while (0)
}

%code provides {
int kh_scan(KH_YYSTYPE *lval, kh_loc *lloc, void *scanner);
void kh_scan_restore(void *scanner);
/* The scanner's tokens as braces.c mended them (parse.c). */
int kh_parse_token(KH_YYSTYPE *lval, kh_loc *lloc, kh_parse_ctx *ctx);
const char *kh_token_name(int token);
}

%code {
#include <string.h>
#include "alloc.h"
#include "i18n.h"
#include "literal.h"
#include "ast_pack.h"
#include "grammar_nodes.h"

/* Past its first 200 entries bison moves its stacks to YYMALLOC memory,
 * which the collector must scan: the AST is only referenced from there
 * while parsing. */
#define YYMALLOC kh_alloc_uncollectable
#define YYFREE kh_free_uncollectable

/* After a fatal problem (too many errors, too deep) the rest of the file
 * is not read: the parser sees its end. */
static int kh_yylex(KH_YYSTYPE *lval, kh_loc *lloc, kh_parse_ctx *ctx)
{
	if (!ctx->stop)
		return kh_parse_token(lval, lloc, ctx);
	lloc->file = ctx->src->id;
	lloc->start = lloc->end = ctx->offset;
	return 0;
}

static void kh_yyerror(kh_loc *loc, kh_parse_ctx *ctx, const char *msg);

#define WHY_REF N_("where a body or level is named it keeps its meaning as a keyword ('cấp huyện', 'cấp_trên')")
#define WHY_DATE N_("after 'trước' it starts a date")
#define WHY_LINE N_("a line of nơi_nhận that starts with it reads as the keyword")

}

%union {
	kh_node *node;
	int ival;
}

%token <node> ID "identifier" STRING "string" NUMBER "number" DATE "date"
%token <node> DECIMAL "decimal number"
%token <node> MONTHYEAR "month/year" QUARTER "quarter" DAYMONTH "day/month"
%token <ival> KIND "document kind" DECADE "ten-day period" RECUR "recurrence" HALF "'½'"
%token <ival> SIGNFORM "signing form"
%token IMPORT LEVEL BODY DOCUMENT EVENT PARENT UNITOF STAFF ABBR BELOW FROM UNTIL DAY OF TYPE TITLE SHORT
%token ISSUER PLACE IMPLEMENTS BASIS PREAMBLE CLOSING PURPOSE REQUIREMENT CONTENT PART SECTION
%token LINE TASK MEETING AWARDS BUDGET RECIPIENTS SIGN OUTLINE ATTACHED NOTE ASSIGN COOPERATE
%token SEND VIA DUE AFTER BEFORE WITHIN ON SUPERIOR CHAIR ORGANISER DURATION WHEN ONLINE
%token ATTENDEES ATTEND GUEST EACH EXCEPT GROUP TARGET COLLECTIVE INDIVIDUAL FORM GRANTOR
%token CRITERIA QUOTA ITEM PAYER ORGLEVEL ARCHIVE ONBEHALF POSITION SIGNER SIGNED MONTH YEAR
%token YEAR_END PLANNED TBA SESSION WORKDAYS INDEPENDENT ADDRESSEES SUPERIORLINE
%token HOLIDAY DAYOFF MAKEUPDAY LUNAR LENGTH KINDRULE REQUIRES CUSTOMARY AWARDRIGHT IS SYSTEM PERIOD
%token ATTRIBUTE CRITRULE UNLESS EXCLUDE BYLAW RANKBY AND OR NOT CONSEC ATLEAST NOTAWARDED
%token <ival> ORDER "'tăng' or 'giảm'"
%token LE "'<='" GE "'>='" NE "'!='"

%type <node> string opt_string top_item decl decl_attrs decl_attr opt_decl_block decl_stmts
%type <node> plan block opt_block stmts stmt ref ref_list id_list when_list when_item when_core
%type <node> string_list decl_stmt
%type <node> date_spec window_start window_end duration excepts targets target guest_target via_chain
%type <node> id name body_name rcpt_ref rcpt_list quota_list quota_item
%type <node> attr_id attr_decl attr_decls attr_types rank_list rank_key expr and_expr not_expr cmp_expr value value_list
%type <node> count_expr count_test opt_until quota_excepts quota_except_list
%type <ival> cmp_op

%%

file
	: %empty
	| file ';'
	| file top_item ';'     { kh_node_add(ctx->root, $2); }
	| file error ';'        { yyerrok; }
	| file error block ';'  { yyerrok; } /* a bad line that opens a block: skip the block */
	;

top_item
	: IMPORT string         { $$ = named(KH_N_IMPORT, @$, NULL, $2); $$->span = $2->span; }
	| decl
	| LEVEL id string decl_attrs opt_decl_block
				{ $$ = adopt(adopt(declared(KH_N_LEVEL_DECL, @$, $2, $3), $4), $5); }
	| plan
	/* Attributes outside a plan (stdlib vn/award_criteria): every plan that
	 * imports them may name them in its criteria. */
	| ATTRIBUTE attr_decl   { $$ = $2; }
	| ATTRIBUTE '{' attr_decls '}'
				{ $$ = adopt(node(KH_N_ATTRIBUTES, @1), $3); }
	| ATTRIBUTE '{' attr_decls attr_decl '}'
				{ $$ = adopt(node(KH_N_ATTRIBUTES, @1), kh_node_add($3, $4)); }
	;

plan
	: KIND opt_string block {
		$$ = named(KH_N_PLAN, @1, NULL, $2);
		$$->key = $1;
		adopt($$, $3);
	}
	;

decl
	: BODY body_name string decl_attrs opt_decl_block
				{ $$ = adopt(adopt(declared(KH_N_BODY_DECL, @$, $2, $3), $4), $5);
				  if (ctx->packer)
					kh_node_pack_kids($$, ctx->packer); }
	| DOCUMENT id string decl_attrs opt_decl_block
				{ $$ = adopt(adopt(declared(KH_N_DOC_DECL, @$, $2, $3), $4), $5); }
	| EVENT id string decl_attrs opt_decl_block
				{ $$ = adopt(adopt(declared(KH_N_EVENT_DECL, @$, $2, $3), $4), $5); }
	| HOLIDAY id string decl_attrs opt_decl_block
				{ $$ = adopt(adopt(declared(KH_N_HOLIDAY_DECL, @$, $2, $3), $4), $5); }
	| DAYOFF id string decl_attrs opt_decl_block
				{ $$ = adopt(adopt(declared(KH_N_HOLIDAY_DECL, @$, $2, $3), $4), $5); $$->flag = 1; }
	| MAKEUPDAY id string decl_attrs opt_decl_block
				{ $$ = adopt(adopt(declared(KH_N_HOLIDAY_DECL, @$, $2, $3), $4), $5); $$->flag = 2; }
	| KINDRULE KIND decl_attrs opt_decl_block
				{ $$ = adopt(adopt(node(KH_N_KINDRULE_DECL, @2), $3), $4); $$->key = $2; }
	| AWARDRIGHT string decl_attrs opt_decl_block
				{ $$ = adopt(adopt(named(KH_N_AWARDRIGHT_DECL, @2, NULL, $2), $3), $4); }
	| PERIOD DECADE NUMBER NUMBER
				{ $$ = date_node(KH_N_PERIOD_DECL, @$, $2, $3->n[0], $4->n[0]); $$->span = SP(@2); }
	| PERIOD YEAR_END DAYMONTH DAYMONTH
				{ $$ = kh_node_add(kh_node_add(node(KH_N_PERIOD_DECL, @2), $3), $4); $$->flag = 1; }
	;

decl_attrs
	: %empty                { $$ = block(@$); }
	| decl_attrs decl_attr  { $$ = kh_node_add($1, $2); }
	;

opt_decl_block
	: %empty                { $$ = NULL; }
	| '{' decl_stmts '}'    { $$ = $2; }
	| '{' decl_stmts decl_stmt '}' { $$ = kh_node_add($2, $3); }
	| '{' decl_stmts error '}' { $$ = $2; yyerrok; }
	;

decl_stmts
	: %empty                { $$ = block(@$); }
	| decl_stmts ';'
	| decl_stmts decl_stmt ';' { $$ = kh_node_add($1, $2); }
	| decl_stmts error ';'  { $$ = $1; yyerrok; }
	;

decl_attr
	: LEVEL id              { $$ = attr(T_LEVEL, @$, ref_id($2)); }
	| PARENT id             { $$ = attr(T_PARENT, @$, ref_id($2)); }
	| UNITOF id             { $$ = attr(T_UNITOF, @$, ref_id($2)); }
	| STAFF                 { $$ = attr(T_STAFF, @$, NULL); }
	| BELOW id              { $$ = attr(T_BELOW, @$, ref_id($2)); }
	| ABBR string           { $$ = attr(T_ABBR, @$, $2); }
	| FROM date_spec        { $$ = attr(T_FROM, @$, $2); }
	| UNTIL date_spec       { $$ = attr(T_UNTIL, @$, $2); }
	| DAY date_spec         { $$ = attr(T_DAY, @$, $2); }
	| OF id                 { $$ = attr(T_OF, @$, ref_id($2)); }
	| TYPE KIND             { $$ = attr(T_TYPE, @$, NULL); $$->n[0] = $2; }
	| TITLE string          { $$ = attr(T_TITLE, @$, $2); }
	| SHORT string          { $$ = attr(T_SHORT, @$, $2); }
	| PLANNED               { $$ = attr(T_PLANNED, @$, NULL); }
	| ON date_spec          { $$ = attr(T_ON, @$, $2); }
	| IS id                 { $$ = attr(T_IS, @$, ref_id($2)); }
	| SYSTEM id             { $$ = attr(T_SYSTEM, @$, $2); }
	| COLLECTIVE            { $$ = attr(T_COLLECTIVE, @$, NULL); }
	| DAY DAYMONTH          { $$ = attr(T_DAY, @$, $2); }
	| LUNAR DAYMONTH        { $$ = attr(T_LUNAR, @$, $2); }
	| LENGTH NUMBER         { $$ = attr(T_LENGTH, @$, $2); }
	| BEFORE NUMBER         { $$ = attr(T_BEFORE, @$, $2); }
	| REQUIRES string_list  { $$ = adopt(attr(T_REQUIRES, @$, NULL), $2); }
	| CUSTOMARY string_list { $$ = adopt(attr(T_CUSTOMARY, @$, NULL), $2); }
	;
/* Only inside a declaration's block, where ';' ends each statement. */
decl_stmt
	: decl_attr
	| GRANTOR name          { $$ = attr(T_GRANTOR, @$, ref_id($2)); }
	| GRANTOR name LEVEL id { $$ = attr(T_GRANTOR, @$, ref_id($2)); $$->id = $4->id; $$->flag = 1; }
	/* a quyền_khen's statutory criteria and the article they come from */
	| CRITERIA block        { $$ = adopt(node(KH_N_CRITERIA, @1), $2); }
	| BASIS string          { $$ = attr(T_BASIS, @$, $2); }
	;
string_list
	: string                { $$ = kh_node_add(block(@$), $1); }
	| string_list ',' string { $$ = kh_node_add($1, $3); }
	;

block
	: '{' stmts '}'         { $$ = $2; }
	| '{' stmts stmt '}'    { $$ = kh_node_add($2, $3); }
	| '{' stmts error '}'   { $$ = $2; yyerrok; } /* "{ giao }": the '}' still closes */
	;

opt_block
	: %empty                { $$ = NULL; }
	| block
	;

stmts
	: %empty                { $$ = block(@$); }
	| stmts ';'
	| stmts stmt ';'        { $$ = kh_node_add($1, $2); }
	| stmts error ';'       { $$ = $1; yyerrok; }
	| stmts error block ';' { $$ = $1; yyerrok; } /* its lines are not the outer block's */
	;

stmt
	: string                { $$ = $1; $$->kind = KH_N_PARA; }
	| '-' string            { $$ = named_spare(KH_N_BULLET, @$, NULL, $2); }
	| '+' string            { $$ = named_spare(KH_N_SUBBULLET, @$, NULL, $2); }
	| rcpt_list opt_string  { $$ = adopt(named(KH_N_RECIPIENT, @$, NULL, $2), $1); }
	| decl
	| ISSUER ref            { $$ = attr(T_ISSUER, @$, $2); }
	| PLACE string          { $$ = attr(T_PLACE, @$, $2); }
	| DAY date_spec         { $$ = attr(T_DAY, @$, $2); }
	| TITLE string          { $$ = attr(T_TITLE, @$, $2); }
	| IMPLEMENTS id_list    { $$ = adopt(attr(T_IMPLEMENTS, @$, NULL), $2); }
	| BASIS id_list         { $$ = adopt(attr(T_BASIS, @$, NULL), $2); }
	| PREAMBLE string       { $$ = attr(T_PREAMBLE, @$, $2); }
	| CLOSING string        { $$ = attr(T_CLOSING, @$, $2); }
	| SUPERIORLINE string   { $$ = attr(T_SUPERIORLINE, @$, $2); }
	| PURPOSE string        { $$ = named_spare(KH_N_PURPOSE, @$, NULL, $2); }
	| REQUIREMENT string    { $$ = named_spare(KH_N_REQUIREMENT, @$, NULL, $2); }
	| CONTENT string        { $$ = named_spare(KH_N_CONTENT, @$, NULL, $2); }
	| SECTION string opt_block { $$ = adopt(named_spare(KH_N_SECTION, @$, NULL, $2), $3); }
	| PART string opt_block { $$ = adopt(named_spare(KH_N_PART, @$, NULL, $2), $3); }
	| LINE string           { $$ = named_spare(KH_N_LINE, @$, NULL, $2); }
	| TASK id string opt_block
				{ $$ = adopt(named_spare(KH_N_TASK, @2, $2, $3), $4);
				  if (ctx->packer)
					kh_node_pack_kids($$, ctx->packer); }
	| MEETING id opt_string block
				{ $$ = adopt(named_spare(KH_N_MEETING, @2, $2, $3), $4);
				  if (ctx->packer)
					kh_node_pack_kids($$, ctx->packer); }
	| AWARDS block          { $$ = adopt(node(KH_N_AWARDS, @1), $2); }
	| BUDGET block          { $$ = adopt(node(KH_N_BUDGET, @1), $2); }
	| RECIPIENTS block      { $$ = adopt(node(KH_N_RECIPIENTS, @1), $2); }
	| SIGN block            { $$ = adopt(node(KH_N_SIGN, @1), $2); }
	| ADDRESSEES block      { $$ = adopt(node(KH_N_ADDRESSEES, @1), $2); }
	| OUTLINE id string block
				{ $$ = adopt(named(KH_N_OUTLINE, @2, $2, $3), $4); }
	| ATTACHED string       { $$ = attr(T_ATTACHED, @$, $2); }
	| NOTE string           { $$ = attr(T_NOTE, @$, $2); }
	| ASSIGN ref_list       { $$ = adopt(attr(T_ASSIGN, @$, NULL), $2); }
	| COOPERATE ref_list    { $$ = adopt(attr(T_COOPERATE, @$, NULL), $2); }
	| SEND ref_list via_chain
				{ $$ = kh_node_add(adopt(attr(T_SEND, @$, NULL), $2), $3); }
	| DUE when_list         { $$ = adopt(attr(T_DUE, @$, NULL), $2); }
	| AFTER id_list         { $$ = adopt(attr(T_AFTER, @$, NULL), $2); }
	| INDEPENDENT id_list string
				{ $$ = adopt(attr(T_INDEPENDENT, @$, NULL), $2); $$->text = $3->text; }
	| CHAIR ref             { $$ = attr(T_CHAIR, @$, $2); }
	| CHAIR LEVEL id ref    { $$ = attr(T_CHAIR, @$, $4); $$->id = $3->id; $$->flag = 1; }
	| ORGANISER ref         { $$ = attr(T_ORGANISER, @$, $2); }
	| DURATION duration     { $$ = attr(T_DURATION, @$, $2); }
	| WHEN when_list        { $$ = adopt(attr(T_WHEN, @$, NULL), $2); }
	| WHEN LEVEL id when_list
				{ $$ = adopt(attr(T_WHEN, @$, NULL), $4); $$->id = $3->id; $$->flag = 1; }
	| ONLINE                { $$ = attr(T_ONLINE, @$, NULL); }
	| ATTENDEES block       { $$ = adopt(attr(T_ATTENDEES, @$, NULL), $2); }
	| ATTENDEES LEVEL id block
				{ $$ = adopt(attr(T_ATTENDEES, @$, NULL), $4); $$->id = $3->id; $$->flag = 1; }
	| ATTEND ref_list opt_string
				{ $$ = adopt(named(KH_N_G_ATTEND, @$, NULL, $3), $2); }
	| GUEST guest_target    { $$ = adopt(node(KH_N_G_GUEST, @$), $2); }
	| EACH ref NUMBER string excepts
				{ $$ = kh_node_add(kh_node_add(named(KH_N_G_EACH, @$, NULL, $4), $2), $5); $$->n[0] = $3->n[0]; }
	| GROUP string block    { $$ = adopt(named(KH_N_G_GROUP, @$, NULL, $2), $3); }
	| TARGET targets opt_string
				{ $$ = adopt(named(KH_N_TARGET, @$, NULL, $3), $2); }
	| FORM id string opt_block
				{ $$ = adopt(named(KH_N_AWARD_FORM, @2, $2, $3), $4); }
	| TYPE string           { $$ = attr(T_TYPE, @$, $2); }
	| GRANTOR ref           { $$ = attr(T_GRANTOR, @$, $2); }
	| CRITERIA string       { $$ = attr(T_CRITERIA, @$, $2); }
	| CRITERIA TBA opt_string
				{ $$ = attr(T_CRITERIA, @$, $3); $$->flag = 1; }
	| QUOTA quota_list      { $$ = adopt(attr(T_QUOTA, @$, NULL), $2); }
	| QUOTA EACH ID NUMBER quota_excepts
				{ $$ = adopt(kh_node_add(named(KH_N_QUOTA_EACH, @$, $3, NULL), $4), $5); }
	| CRITERIA block        { $$ = adopt(node(KH_N_CRITERIA, @1), $2); }
	| CRITERIA BYLAW        { $$ = attr(T_CRITERIA, @$, NULL); $$->flag = 2; }
	| ATTRIBUTE attr_decl   { $$ = $2; }
	| ATTRIBUTE '{' attr_decls '}'
				{ $$ = adopt(node(KH_N_ATTRIBUTES, @1), $3); }
	| ATTRIBUTE '{' attr_decls attr_decl '}'
				{ $$ = adopt(node(KH_N_ATTRIBUTES, @1), kh_node_add($3, $4)); }
	| CRITRULE string expr  { $$ = kh_node_add(named(KH_N_CRIT_RULE, @$, NULL, $2), $3); }
	| CRITRULE string expr UNLESS string expr
				{ $$ = kh_node_add(kh_node_add(named(KH_N_CRIT_RULE, @$, NULL, $2), $3),
						   kh_node_add(named(KH_N_EXCEPT, @4, NULL, $5), $6)); }
	| EXCLUDE string expr   { $$ = kh_node_add(named(KH_N_CRIT_EXCLUDE, @$, NULL, $2), $3); }
	| RANKBY rank_list      { $$ = adopt(node(KH_N_RANK, @$), $2); }
	| ITEM string           { $$ = named(KH_N_BUDGET_ITEM, @$, NULL, $2); }
	| ITEM string PAYER ref { $$ = kh_node_add(named(KH_N_BUDGET_ITEM, @$, NULL, $2), $4); }
	| ARCHIVE ref_list      { $$ = adopt(node(KH_N_ARCHIVE, @$), $2); }
	| ARCHIVE string        { $$ = named(KH_N_ARCHIVE, @$, NULL, $2); }
	| ONBEHALF string       { $$ = attr(T_ONBEHALF, @$, $2); }
	| ONBEHALF string ref   { $$ = kh_node_add(attr(T_ONBEHALF, @$, $2), $3); }
	| ONBEHALF ref          { $$ = attr(T_ONBEHALF, @$, $2); }
	| SIGNFORM string       { $$ = attr(T_SIGNFORM, @$, $2); $$->n[0] = $1; }
	| SIGNFORM string ref   { $$ = kh_node_add(attr(T_SIGNFORM, @$, $2), $3); $$->n[0] = $1; }
	| SIGNFORM ref          { $$ = attr(T_SIGNFORM, @$, $2); $$->n[0] = $1; }
	| POSITION string       { $$ = attr(T_POSITION, @$, $2); }
	| SIGNER string         { $$ = attr(T_SIGNER, @$, $2); }
	| SIGNED                { $$ = attr(T_SIGNED, @$, NULL); }
	;

string
	: STRING
	| string STRING         { $$ = kh_string_concat($1, $2); kh_node_spare($2);
				  if (ctx->note_literals)
					  kh_literal_note(ctx->src, $$->text, $$->span, false); }
	;

opt_string
	: %empty                { $$ = NULL; }
	| string
	;

ref
	: name                  { $$ = ref_id($1); }
	| LEVEL id              { $$ = node(KH_N_REF_LEVEL, @$); $$->id = $2->id; }
	| SUPERIOR              { $$ = node(KH_N_REF_SUPERIOR, @$); }
	| ORGLEVEL              { $$ = node(KH_N_REF_ORGLEVEL, @$); }
	;

ref_list
	: ref                   { $$ = kh_node_add(block(@$), $1); }
	| ref_list ',' ref      { $$ = kh_node_add($1, $3); }
	| ref_list '+' ref      { $$ = kh_node_add($1, $3); $3->flag = 1; }
	;

/* Recipient lines start with a reference, so their first id cannot be a
 * keyword that starts a statement: "nơi_nhận { han }" would read as 'hạn'. */
rcpt_list
	: rcpt_ref              { $$ = kh_node_add(block(@$), $1); }
	| rcpt_list ',' ref     { $$ = kh_node_add($1, $3); }
	| rcpt_list '+' ref     { $$ = kh_node_add($1, $3); $3->flag = 1; }
	;

rcpt_ref
	: ID                    { $$ = ref_id($1); }
	| kw_plain              { $$ = ref_id(kh_kw_id(ctx, SP(@1))); }
	| LEVEL id              { $$ = node(KH_N_REF_LEVEL, @$); $$->id = $2->id; }
	| SUPERIOR              { $$ = node(KH_N_REF_SUPERIOR, @$); }
	| ORGLEVEL              { $$ = node(KH_N_REF_ORGLEVEL, @$); }
	;

/*
 * Ids that are words. A keyword written where the grammar wants an id is
 * that id ("nhiệm_vụ bao_cao", "sau noi_dung"), except where the keyword
 * keeps a meaning of its own. The keywords fall in four groups:
 *   kw_plain     never start a statement, a reference or a date: ids anywhere;
 *   kw_stmt      start a statement: ids anywhere but at the start of a line;
 *   kw_refword   start a reference ('cấp', 'cấp_trên', 'cấp_tổ_chức') and
 *   kw_dateword  a date ('ngày', 'tháng', 'năm', 'thượng/trung/hạ tuần',
 *                'cuối_năm'): never ids, refused with one clear error.
 * 'name' is an id where the last two keep their meaning (a reference,
 * 'trước X'); 'id' is one where nothing else may stand, so they are refused
 * there and the statement still parses: no cascade. A body's id also
 * refuses kw_stmt: it must be able to start a line of nơi_nhận. The last two
 * groups are repeated in never_ids[] below, for messages.
 */
name
	: ID
	| kw_plain              { $$ = kh_kw_id(ctx, SP(@1)); }
	| kw_stmt               { $$ = kh_kw_id(ctx, SP(@1)); }
	;

id
	: name
	| kw_refword            { $$ = kh_kw_refused(ctx, SP(@1), N_("an id"), WHY_REF); }
	| kw_dateword           { $$ = kh_kw_refused(ctx, SP(@1), N_("an id"), WHY_DATE); }
	;

body_name
	: ID
	| kw_plain              { $$ = kh_kw_id(ctx, SP(@1)); }
	| kw_stmt               { $$ = kh_kw_refused(ctx, SP(@1), N_("a body's id"), WHY_LINE); }
	| kw_refword            { $$ = kh_kw_refused(ctx, SP(@1), N_("an id"), WHY_REF); }
	| kw_dateword           { $$ = kh_kw_refused(ctx, SP(@1), N_("an id"), WHY_DATE); }
	;

kw_plain
	: IMPORT | PARENT | ABBR | BELOW | FROM | UNTIL | OF | SHORT | KIND | VIA | BEFORE
	| WITHIN | ON | EXCEPT | COLLECTIVE | INDIVIDUAL | PAYER | PLANNED | TBA | HALF
	| SESSION | WORKDAYS | LUNAR | LENGTH | REQUIRES | CUSTOMARY | IS | SYSTEM | RECUR
	| STAFF | UNITOF | UNLESS | BYLAW | AND | OR | NOT | CONSEC | ATLEAST | NOTAWARDED
	| ORDER
	;

kw_stmt
	: BODY | DOCUMENT | EVENT | HOLIDAY | DAYOFF | MAKEUPDAY | KINDRULE | AWARDRIGHT
	| PERIOD | ISSUER | PLACE | TITLE | IMPLEMENTS | BASIS | PREAMBLE | CLOSING | PURPOSE
	| REQUIREMENT | CONTENT | SECTION | PART | LINE | TASK | MEETING | AWARDS | BUDGET
	| RECIPIENTS | SIGN | OUTLINE | ATTACHED | NOTE | ASSIGN | COOPERATE | SEND | DUE
	| AFTER | CHAIR | ORGANISER | DURATION | WHEN | ONLINE | ATTENDEES | ATTEND | GUEST
	| EACH | GROUP | TARGET | FORM | TYPE | GRANTOR | CRITERIA | QUOTA | ITEM | ARCHIVE
	| ONBEHALF | POSITION | SIGNER | SIGNED | INDEPENDENT | SIGNFORM | ADDRESSEES
	| SUPERIORLINE | ATTRIBUTE | CRITRULE | EXCLUDE | RANKBY
	;

kw_refword
	: LEVEL | SUPERIOR | ORGLEVEL
	;

kw_dateword
	: DAY | MONTH | YEAR | DECADE | YEAR_END
	;

via_chain
	: %empty                { $$ = NULL; }
	| via_chain VIA ref     { $$ = $1 ? kh_list_append($1, $3) : $3; $3->flag = 2; }
	;

guest_target
	: ref_list              { $$ = $1; }
	| string                { $$ = kh_node_add(block(@$), $1); $1->kind = KH_N_REF_TEXT; }
	;

/* "số_lượng 5", or per kind of target: "số_lượng 05 tập_thể, 10 cá_nhân". */
/* "chữ", "số", "ngày", "theo_năm khóa": the type of an attribute and
 * whether it is the key; the resolver reads the words. */
/* 'mã "Mã" chữ khóa': an attribute, its column's header, its type and flags;
 * one per line in 'thuộc_tính { … }'. */
attr_decl
	: attr_id string attr_types
				{ $$ = adopt(named(KH_N_ATTRIBUTE, @1, $1, $2), $3); }
	;

attr_decls
	: %empty                { $$ = block(@$); }
	| attr_decls ';'
	| attr_decls attr_decl ';' { $$ = kh_node_add($1, $2); }
	| attr_decls error ';'  { $$ = $1; yyerrok; }
	;

attr_types
	: ID                    { $$ = kh_node_add(block(@$), $1); }
	| DAY                   { $$ = kh_node_add(block(@$), kh_kw_id(ctx, SP(@1))); }
	| attr_types ID         { $$ = kh_node_add($1, $2); }
	;

/* 'mỗi đơn_vị 1 { "Thành phố Tam Kỳ" 2 }': the exceptions to a quota per unit. */
quota_excepts
	: %empty                { $$ = NULL; }
	| '{' quota_except_list '}' { $$ = $2; }
	;

quota_except_list
	: %empty                { $$ = block(@$); }
	| quota_except_list string NUMBER
				{ $$ = kh_node_add($1, kh_node_add(named(KH_N_EXCEPT, @2, NULL, $2), $3)); }
	| quota_except_list ';' { $$ = $1; }
	;

rank_list
	: rank_key              { $$ = kh_node_add(block(@$), $1); }
	| rank_list ',' rank_key { $$ = kh_node_add($1, $3); }
	;

rank_key
	: ID ORDER              { $$ = named(KH_N_RANK_KEY, @$, $1, NULL); $$->key = $2; }
	;

/* Criteria: 'và' binds tighter than 'hoặc', 'không' tighter than both. */
expr
	: and_expr
	| expr OR and_expr      { $$ = kh_node_add(kh_node_add(node(KH_N_E_OR, @$), $1), $3); }
	;

and_expr
	: not_expr
	| and_expr AND not_expr { $$ = kh_node_add(kh_node_add(node(KH_N_E_AND, @$), $1), $3); }
	;

not_expr
	: cmp_expr
	| NOT not_expr          { $$ = kh_node_add(node(KH_N_E_NOT, @$), $2); }
	;

cmp_expr
	: value
	| value cmp_op value    { $$ = kh_node_add(kh_node_add(node(KH_N_E_CMP, @$), $1), $3); $$->key = $2; }
	| value WITHIN value    { $$ = kh_node_add(kh_node_add(node(KH_N_E_IN, @$), $1), $3); }
	| value FROM value UNTIL value
				{ $$ = kh_node_add(kh_node_add(kh_node_add(node(KH_N_E_RANGE, @$), $1), $3), $5); }
	| count_expr
	;

cmp_op
	: '='                   { $$ = KH_CMP_EQ; }
	| NE                    { $$ = KH_CMP_NE; }
	| '<'                   { $$ = KH_CMP_LT; }
	| LE                    { $$ = KH_CMP_LE; }
	| '>'                   { $$ = KH_CMP_GT; }
	| GE                    { $$ = KH_CMP_GE; }
	;

/* 'liên_tục 2 năm xếp_loại = "HTXSNV" đến 2024', 'ít_nhất 3 trong 5 năm
 * xếp_loại trong [...]', 'chưa_khen "Bằng khen" 3 năm'. */
count_expr
	: CONSEC NUMBER YEAR ID count_test opt_until
				{ $$ = kh_node_add(kh_node_add(kh_node_add(named(KH_N_E_CONSEC, @$, $4, NULL), $2), $5), $6); }
	| ATLEAST NUMBER WITHIN NUMBER YEAR attr_id count_test opt_until
				{ $$ = kh_node_add(kh_node_add(kh_node_add(kh_node_add(named(KH_N_E_ATLEAST, @$, $6, NULL), $2), $4), $7), $8); }
	| NOTAWARDED opt_string NUMBER YEAR opt_until
				{ $$ = kh_node_add(kh_node_add(named(KH_N_E_NOTAWARDED, @$, NULL, $2), $3), $5); }
	;

count_test
	: cmp_op value          { $$ = node(KH_N_E_CMP, @$); $$->key = $1; kh_node_add($$, $2); }
	| WITHIN value          { $$ = kh_node_add(node(KH_N_E_IN, @$), $2); }
	;

opt_until
	: %empty                { $$ = NULL; }
	| UNTIL NUMBER          { $$ = $2; }
	;

value
	: attr_id               { $$ = named(KH_N_E_REF, @$, $1, NULL); }
	| NUMBER
	| DECIMAL
	| DATE
	| STRING                /* one: "a" "b" after a rule's text would be ambiguous */
	| '(' expr ')'          { $$ = $2; }
	| '[' value_list ']'    { $$ = $2; }
	;

/* An attribute's id: a word, or a statement keyword, which a column is
 * often named by ('họ_tên', 'chức_vụ', 'ghi_chú', 'loại'). */
attr_id
	: ID
	| kw_stmt               { $$ = kh_kw_id(ctx, SP(@1)); }
	;

value_list
	: value                 { $$ = kh_node_add(node(KH_N_E_LIST, @$), $1); }
	| value_list ',' value  { $$ = kh_node_add($1, $3); }
	;

quota_list
	: quota_item            { $$ = kh_node_add(block(@$), $1); }
	| quota_list ',' quota_item { $$ = kh_node_add($1, $3); }
	;

quota_item
	: NUMBER                { $$ = $1; }
	| NUMBER COLLECTIVE     { $$ = $1; $$->key = T_COLLECTIVE; $$->span = SP(@$); }
	| NUMBER INDIVIDUAL     { $$ = $1; $$->key = T_INDIVIDUAL; $$->span = SP(@$); }
	;

id_list
	: id                    { $$ = kh_node_add(block(@$), ref_id($1)); }
	| id_list ',' id        { $$ = kh_node_add($1, ref_id($3)); }
	;

excepts
	: %empty                { $$ = NULL; }
	| excepts EXCEPT ref NUMBER {
		kh_node *e = kh_node_add(node(KH_N_EXCEPT, @2), $3);
		e->n[0] = $4->n[0];
		e->span = kh_span_join(SP(@2), $4->span);
		$$ = $1 ? kh_list_append($1, e) : e;
	}
	;

targets
	: target                { $$ = kh_node_add(block(@$), $1); }
	| targets ',' target    { $$ = kh_node_add($1, $3); }
	;

target
	: COLLECTIVE            { $$ = node(KH_N_FLAG, @$); $$->key = T_COLLECTIVE; }
	| INDIVIDUAL            { $$ = node(KH_N_FLAG, @$); $$->key = T_INDIVIDUAL; }
	;

when_list
	: when_item             { $$ = kh_node_add(block(@$), $1); }
	| when_list ',' when_item { $$ = kh_node_add($1, $3); }
	;

when_item
	: when_core
	| PLANNED when_core     { $$ = $2; $$->flag = 1; $$->span = SP(@$); }
	;

when_core
	: BEFORE date_spec      { $$ = when(KH_N_W_BEFORE, @$, $2); }
	| BEFORE name           { $$ = when(KH_N_W_BEFORE_REF, @$, ref_id($2)); }
	| AFTER id              { $$ = when(KH_N_W_AFTER_REF, @$, ref_id($2)); }
	| WITHIN date_spec      { $$ = when(KH_N_W_WITHIN, @$, $2); }
	| ON date_spec          { $$ = when(KH_N_W_ON, @$, $2); }
	| FROM date_spec        { $$ = when(KH_N_W_FROM, @$, $2); }
	| FROM date_spec UNTIL window_end
				{ $$ = kh_node_add(when(KH_N_W_SPAN, @$, $2), $4); }
	| FROM window_start UNTIL window_end
				{ $$ = kh_node_add(when(KH_N_W_SPAN, @$, $2), $4); }
	| date_spec             { $$ = when(KH_N_W_ON, @$, $1); }
	| NUMBER WORKDAYS BEFORE id
				{ $$ = when(KH_N_W_OFFSET, @$, ref_id($4)); $$->n[0] = -$1->n[0]; $$->n[1] = 1; kh_node_spare($1); }
	| NUMBER WORKDAYS AFTER id
				{ $$ = when(KH_N_W_OFFSET, @$, ref_id($4)); $$->n[0] = $1->n[0]; $$->n[1] = 1; kh_node_spare($1); }
	| NUMBER DAY BEFORE id  { $$ = when(KH_N_W_OFFSET, @$, ref_id($4)); $$->n[0] = -$1->n[0]; kh_node_spare($1); }
	| NUMBER DAY AFTER id   { $$ = when(KH_N_W_OFFSET, @$, ref_id($4)); $$->n[0] = $1->n[0]; kh_node_spare($1); }
	| RECUR                 { $$ = node(KH_N_W_RECUR, @$); $$->key = $1; }
	| TBA                   { $$ = node(KH_N_W_TBA, @$); }
	;

date_spec
	: DATE                  { $$ = $1; }
	| DAY DATE              { $$ = $2; $$->span = SP(@$); }
	| DAY NUMBER MONTH NUMBER YEAR NUMBER
				{ $$ = date_node(KH_N_D_DMY, @$, $6->n[0], $4->n[0], $2->n[0]); kh_node_spare($2); kh_node_spare($4); kh_node_spare($6); }
	| NUMBER MONTH NUMBER YEAR NUMBER
				{ $$ = date_node(KH_N_D_DMY, @$, $5->n[0], $3->n[0], $1->n[0]); kh_node_spare($1); kh_node_spare($3); kh_node_spare($5); }
	| MONTH MONTHYEAR       { $$ = $2; $$->span = SP(@$); }
	| MONTH NUMBER YEAR NUMBER
				{ $$ = date_node(KH_N_D_MONTH, @$, $4->n[0], $2->n[0], 0); kh_node_spare($2); kh_node_spare($4); }
	| MONTHYEAR             { $$ = $1; }
	| DECADE MONTH MONTHYEAR
				{ $$ = date_node(KH_N_D_DECADE, @$, $3->n[0], $3->n[1], $1); }
	| DECADE MONTH NUMBER YEAR NUMBER
				{ $$ = date_node(KH_N_D_DECADE, @$, $5->n[0], $3->n[0], $1); kh_node_spare($3); kh_node_spare($5); }
	| QUARTER               { $$ = $1; }
	| YEAR NUMBER           { $$ = date_node(KH_N_D_YEAR, @$, $2->n[0], 0, 0); kh_node_spare($2); }
	| YEAR_END              { $$ = date_node(KH_N_D_YEAR_END, @$, 0, 0, 0); }
	| YEAR_END NUMBER       { $$ = date_node(KH_N_D_YEAR_END, @$, $2->n[0], 0, 0); $$->flag = 1; kh_node_spare($2); }
	;

/* The first date of "từ 01/10 đến 17/11/2025", written without the parts
 * the second date gives (its year; for a bare day, its month too). */
window_start
	: DAYMONTH              { $$ = first_date(KH_N_D_DMY, @$, $1->n[0], $1->n[1], KH_DATE_NO_YEAR); }
	| DAY DAYMONTH          { $$ = first_date(KH_N_D_DMY, @$, $2->n[0], $2->n[1], KH_DATE_NO_YEAR); }
	| NUMBER MONTH NUMBER   { $$ = first_date(KH_N_D_DMY, @$, $3->n[0], $1->n[0], KH_DATE_NO_YEAR); kh_node_spare($1); kh_node_spare($3); }
	| DAY NUMBER MONTH NUMBER
				{ $$ = first_date(KH_N_D_DMY, @$, $4->n[0], $2->n[0], KH_DATE_NO_YEAR); kh_node_spare($2); kh_node_spare($4); }
	| MONTH NUMBER          { $$ = first_date(KH_N_D_MONTH, @$, $2->n[0], 0, KH_DATE_NO_YEAR); kh_node_spare($2); }
	| DECADE MONTH NUMBER   { $$ = first_date(KH_N_D_DECADE, @$, $3->n[0], $1, KH_DATE_NO_YEAR); kh_node_spare($3); }
	| NUMBER                { $$ = first_date(KH_N_D_DMY, @$, 0, $1->n[0], KH_DATE_NO_MONTH); kh_node_spare($1); }
	| DAY NUMBER            { $$ = first_date(KH_N_D_DMY, @$, 0, $2->n[0], KH_DATE_NO_MONTH); kh_node_spare($2); }
	;
/* The second date gives the year: without one it is taken, to be refused
 * with a located reason by the resolver rather than as a syntax error. */
window_end
	: date_spec
	| DAYMONTH
	| DAY DAYMONTH          { $$ = $2; $$->span = SP(@$); }
	;

duration
	: NUMBER SESSION        { $$ = node(KH_N_DURATION, @$); $$->n[0] = $1->n[0]; kh_node_spare($1); }
	| NUMBER DAY            { $$ = node(KH_N_DURATION, @$); $$->n[0] = 2 * $1->n[0]; kh_node_spare($1); }
	| HALF DAY              { $$ = node(KH_N_DURATION, @$); $$->n[0] = 1; }
	| HALF SESSION          { $$ = node(KH_N_DURATION, @$); $$->n[0] = 1; $$->flag = 1; }
	;

%%

static void kh_yyerror(kh_loc *loc, kh_parse_ctx *ctx, const char *msg)
{
	if (ctx->stop)
		return;
	kh_span sp = { loc->file, loc->start, loc->end };
	/* Bison calls this only for "memory exhausted": the stack limit. */
	kh_diag_add(ctx->diags, KH_ERROR, sp, "syntax-error", _("%s (the file is too deeply nested)"), msg);
	ctx->stop = 1;
}

const char *kh_token_name(int token)
{
	return yysymbol_name((yysymbol_kind_t)YYTRANSLATE(token));
}

/* The keyword token a symbol stands for, or 0. */
static int keyword_token(yysymbol_kind_t sym)
{
	for (int t = 258; t < YYMAXUTOK + 1; t++)
		if (YYTRANSLATE(t) == sym)
			return kh_token_english(t) ? t : 0;
	return 0;
}

/* The tokens' aliases (%token above) as a person reads them, translated:
 * with an article where something is expected, bare where it was found. */
static const struct symbol_words {
	const char *alias, *expected, *found;
} symbol_words[] = {
	{ "identifier", N_("an identifier"), N_("identifier") },
	{ "string", N_("a string"), N_("string") },
	{ "number", N_("a number"), N_("number") },
	{ "date", N_("a date"), N_("date") },
	{ "month/year", N_("a month/year"), N_("month/year") },
	{ "day/month", N_("a day/month"), N_("day/month") },
	{ "quarter", N_("a quarter"), N_("quarter") },
	{ "document kind", N_("a document kind"), N_("document kind") },
	{ "ten-day period", N_("a ten-day period"), N_("ten-day period") },
	{ "recurrence", N_("a recurrence"), N_("recurrence") },
	{ "signing form", N_("a signing form"), N_("signing form") },
};

static const struct symbol_words *symbol_words_of(const char *alias)
{
	for (size_t i = 0; i < sizeof symbol_words / sizeof *symbol_words; i++)
		if (!strcmp(symbol_words[i].alias, alias))
			return &symbol_words[i];
	return NULL;
}

/* How to name an expected symbol to a person: a keyword by its own
 * Vietnamese spelling, punctuation quoted, the rest by its alias. */
static const char *symbol_desc(yysymbol_kind_t sym)
{
	int t = keyword_token(sym);
	if (t)
		return kh_token_english(t);
	if (sym == YYSYMBOL_YYEOF)
		return _("end of file");
	const char *name = yysymbol_name(sym);
	const struct symbol_words *w = symbol_words_of(name);
	return w ? _(w->expected) : name;
}

/* kw_refword and kw_dateword of the grammar: the keywords that are never
 * ids. Where an identifier is expected, every other keyword is expected
 * only as an id; these are too, where all of them are expected at once. */
static const int never_ids[] = {
	T_LEVEL, T_SUPERIOR, T_ORGLEVEL, T_DAY, T_MONTH, T_YEAR, T_DECADE, T_YEAR_END,
};
enum { NNEVER = sizeof never_ids / sizeof never_ids[0] };

static int is_never_id(int t)
{
	for (int i = 0; i < NNEVER; i++)
		if (never_ids[i] == t)
			return 1;
	return 0;
}

/* "an identifier or 'cấp' (level)": what would fit, when that is a short
 * list, without the keywords that would only fit as ids; NULL otherwise. */
static const char *expected_list(const yypcontext_t *yyctx)
{
	enum { MAX_EXPECTED = 6 };
	yysymbol_kind_t all[YYNTOKENS], shown[MAX_EXPECTED];
	int n = yypcontext_expected_tokens(yyctx, all, YYNTOKENS), wants_id = 0, nnever = 0;
	for (int i = 0; i < n; i++) {
		int t = keyword_token(all[i]);
		wants_id |= all[i] == YYSYMBOL_ID;
		nnever += t && is_never_id(t);
	}
	int k = 0;
	for (int i = 0; i < n; i++) {
		int t = keyword_token(all[i]);
		if (wants_id && t && (!is_never_id(t) || nnever == NNEVER))
			continue;
		if (k == MAX_EXPECTED - 1)
			return NULL; /* too many to be of help */
		shown[k++] = all[i];
	}
	if (k == 0)
		return NULL;
	/* A list as CLDR joins one: "A, B" for the middle, "A or B" last. */
	const char *list = symbol_desc(shown[k - 1]);
	if (k >= 2)
		list = kh_printf(_("%s or %s"), symbol_desc(shown[k - 2]), list);
	for (int i = k - 3; i >= 0; i--)
		list = kh_printf(_("%s, %s"), symbol_desc(shown[i]), list);
	return list;
}

/* "giao cap" or "trước ngay": an id that is a keyword which keeps its
 * meaning there. Said when the error comes right after such a keyword
 * typed without diacritics, since that is how an id is usually spelt. */
static const char *with_keyword_hint(const char *msg, kh_parse_ctx *ctx)
{
	if (!is_never_id(ctx->prev_tok) || ctx->prev_end > ctx->last_start)
		return msg;
	const char *word = kh_strndup(ctx->src->text + ctx->prev_start, ctx->prev_end - ctx->prev_start);
	for (const char *p = word; *p; p++)
		if ((unsigned char)*p >= 0x80 || *p == ' ' || *p == '\t')
			return msg;
	return kh_printf(_("%s (%s; if it is meant as an id, rename it, e.g. '%s')"), msg,
			 kh_keyword_describe(word), kh_keyword_rename(word));
}

/* An id where only keywords fit ("hạn trươc 30/8/2019"): the keyword it
 * was meant to be, when one of those is close. */
static int report_guess(const yypcontext_t *yyctx, kh_parse_ctx *ctx, kh_span sp)
{
	yysymbol_kind_t all[YYNTOKENS];
	int tokens[YYNTOKENS];
	size_t k = 0;
	int n = yypcontext_expected_tokens(yyctx, all, YYNTOKENS);
	for (int i = 0; i < n; i++) {
		int t = keyword_token(all[i]);
		if (t)
			tokens[k++] = t;
	}
	if (!k || ctx->guesses >= KH_MAX_GUESSES)
		return 0;
	ctx->guesses++;
	const char *word = ctx->src->text + sp.start;
	size_t len = sp.end - sp.start;
	kh_kw_guess g = kh_keyword_guess(word, len, tokens, k);
	if (!g.n)
		return 0;
	kh_report_guess(ctx, sp, kh_strndup(word, len), &g);
	return 1;
}

/* What was found where the error is: "unexpected 'gửi'", in the user's
 * own spelling of the token. */
static const char *unexpected(const yypcontext_t *yyctx, kh_parse_ctx *ctx)
{
	const kh_loc *loc = yypcontext_location(yyctx);
	yysymbol_kind_t tok = yypcontext_token(yyctx);
	const char *text = ctx->src->text + loc->start;
	unsigned len = loc->end - loc->start;
	if (tok == YYSYMBOL_YYEOF)
		return _("unexpected end of file");
	if (tok == YYSYMBOL_YYUNDEF || tok == YYSYMBOL_YYerror)
		return _("unexpected input");
	if (tok == YYTRANSLATE(';') && loc->start >= ctx->src->len)
		return _("unexpected end of file");
	if (tok == YYTRANSLATE(';') && len == 0)
		return _("unexpected end of line"); /* a ';' braces.c put in */
	if (tok == YYTRANSLATE(';') && text[0] != ';') /* ';' put in at a line end */
		return _("unexpected end of line");
	if (len > 0 && len <= 60 && tok != YYSYMBOL_STRING)
		return kh_printf(_("unexpected '%.*s'"), (int)len, text);
	const struct symbol_words *w = symbol_words_of(yysymbol_name(tok));
	return kh_printf(_("unexpected %s"), w ? _(w->found) : yysymbol_name(tok));
}

/* "unexpected 'gửi'; expected a string or '}'", a mistyped keyword named
 * as such, and a pointer to an unclosed '{' at end of file (unless
 * braces.c, which reads the indentation, has said which). */
static int yyreport_syntax_error(const yypcontext_t *yyctx, kh_parse_ctx *ctx)
{
	if (ctx->stop)
		return 0;
	const kh_loc *loc = yypcontext_location(yyctx);
	kh_span sp = { loc->file, loc->start, loc->end };
	yysymbol_kind_t tok = yypcontext_token(yyctx);
	if (ctx->syntax_errors >= KH_MAX_SYNTAX_ERRORS) {
		kh_diag_add(ctx->diags, KH_ERROR, sp, "syntax-error",
			    _("too many syntax errors; the rest of the file is not checked"));
		ctx->stop = 1;
		return 0;
	}
	if (tok == YYSYMBOL_YYEOF && ctx->depth > 0) {
		if (ctx->braces_reported)
			return 0;
		unsigned line, col;
		kh_source_locate(ctx->src, ctx->brace_at[ctx->depth - 1], &line, &col);
		kh_syntax_error(ctx, sp, "syntax-error",
				_("unexpected end of file: the '{' on line %u is not closed"), line);
		return 0;
	}
	if (tok == YYSYMBOL_ID && report_guess(yyctx, ctx, sp))
		return 0;
	const char *msg = unexpected(yyctx, ctx), *list = expected_list(yyctx);
	if (list)
		msg = kh_printf(_("%s; expected %s"), msg, list);
	kh_syntax_error(ctx, sp, "syntax-error", "%s", with_keyword_hint(msg, ctx));
	return 0;
}
