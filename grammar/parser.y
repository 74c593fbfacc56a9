/* parser.y - the bison grammar of .gir (reports and templates).
 * Pure parser, byte-offset locations, LAC, custom error messages in the
 * user's language, recovery at every line of a list (rows, fields,
 * declarations), so one run reports every mistake. */
%require "3.6"
%define api.pure full
%define api.location.type {gir_span}
%define api.value.type {gir_node *}
%define parse.error custom
%define parse.lac full
%locations
%expect 0
%param {gir_parser *P}

%code requires {
#include "syntax/parse.h"
}

%code provides {
int yylex(YYSTYPE *lval, YYLTYPE *lloc, gir_parser *P);
void yyerror(YYLTYPE *lloc, gir_parser *P, const char *msg);
}

%code {
#include <string.h>
#include "syntax/lang.h"
#define YYLLOC_DEFAULT(Cur, Rhs, N) do {                                  \
    if (N) { (Cur).start = YYRHSLOC(Rhs, 1).start; (Cur).end = YYRHSLOC(Rhs, N).end; } \
    else { (Cur).start = (Cur).end = YYRHSLOC(Rhs, 0).end; } } while (0)
#define YYMAXDEPTH 20000
/* The parser's stacks grow in the arena, never with malloc: an arena
 * allocation that runs out of memory longjmps out of yyparse, and
 * malloc'd stacks would leak (tests/unit/test_oom.c). At YYMAXDEPTH, or
 * if the arena has no jump target and returns NULL, the stack stays as
 * it is: yyerror reports M_TOO_DEEP and yyparse aborts. */
#define yyoverflow(msg, ss, ssz, vs, vsz, ls, lsz, n) do {                      \
    YYPTRDIFF_T m_ = *(n) * 2 < YYMAXDEPTH ? *(n) * 2 : YYMAXDEPTH;             \
    void *s_ = NULL, *v_ = NULL, *l_ = NULL;                                    \
    if (*(n) < YYMAXDEPTH) {                                                    \
        s_ = arena_grow(P->arena, *(ss), (ssz), (size_t)m_ * sizeof **(ss));    \
        v_ = arena_grow(P->arena, *(vs), (vsz), (size_t)m_ * sizeof **(vs));    \
        l_ = arena_grow(P->arena, *(ls), (lsz), (size_t)m_ * sizeof **(ls));    \
    }                                                                           \
    if (!s_ || !v_ || !l_) { yyerror(&yylloc, P, (msg)); break; }               \
    *(ss) = s_; *(vs) = v_; *(ls) = l_; *(n) = m_;                              \
} while (0)
#define NEW(k, loc) ast_new(P->arena, (k), (loc))
static gir_node *app(gir_node *p, gir_node *c) { return ast_append(p, c); }
static gir_node *as_name(gir_parser *P, gir_node *lit);
static gir_node *kw_name(gir_parser *P, int token, gir_span sp);
static gir_node *raw_name(gir_parser *P, gir_span sp);
static gir_node *mk_waiver(gir_parser *P, gir_span sp, gir_node *target, gir_node *rest);
static gir_node *with_op(gir_node *n, int op) { n->op = op; return n; }
static gir_node *prepend(gir_node *p, gir_node *c)
{
    if (!c) return p;
    c->parent = p;
    c->next = p->first;
    p->first = c;
    if (!p->last) p->last = c;
    return p;
}
}

%token IDENT "identifier" STRING "string" PROSE "prose" NUMBER "number"
%token DATE "date" BLANK "_" NEWLINE "newline" COMMENT "comment"
/* the keywords: their words are in syntax/keywords.def (symbol_text) */
%token KW_REPORT KW_TEMPLATE KW_SECTION KW_TABLE KW_BLOCK KW_NOTE KW_COLUMNS
%token KW_ROWS KW_GROUP KW_ALIAS KW_RULE KW_PATTERN KW_SUM KW_OVER KW_EACH
%token KW_ROW KW_COLUMN KW_ERROR KW_WARNING KW_SOURCE KW_YEARS KW_ROWLABELS
%token KW_ROWHEADER KW_MENTION KW_WAIVE KW_WORDING KW_THRESHOLD KW_JUMP
%token DOTDOT ".." EQEQ "==" NE "!=" LE "<=" GE ">="

%%

file
    : items                     { P->root = $1; }
    ;

items
    : %empty                    { $$ = NEW(N_FILE, @$); }
    | items item                { $$ = app($1, $2); }
    | items NEWLINE             { $$ = $1; }
    | items error NEWLINE       { $$ = $1; yyerrok; }
    ;

item
    : report
    | section
    | table
    | template
    | waiver
    ;

/* ---- report header ---- */
report
    : KW_REPORT opt_str '{' fields last_field '}'
        { $$ = $4; $$->span = @$; if ($2) { $$->str = $2->str; $$->len = $2->len; } app($$, $5); }
    ;
opt_str
    : %empty                    { $$ = NULL; }
    | STRING
    ;
fields
    : %empty                    { $$ = NEW(N_REPORT, @$); }
    | fields NEWLINE            { $$ = $1; }
    | fields field NEWLINE      { $$ = app($1, $2); }
    | fields waiver NEWLINE     { $$ = app($1, $2); }
    | fields error NEWLINE      { $$ = $1; yyerrok; }
    ;
last_field
    : %empty                    { $$ = NULL; }
    | field
    | waiver
    ;
field
    : field_key field_value     { $$ = app(app(NEW(N_FIELD, @$), $1), $2); }
    ;
field_key
    : IDENT
    | KW_TEMPLATE               { $$ = kw_name(P, KW_TEMPLATE, @1); }
    ;
field_value
    : IDENT
    | STRING
    | NUMBER
    | DATE
    ;

/* ---- sections and tables of a report ---- */
section
    : KW_SECTION name section_body  { $$ = app(app(NEW(N_SECTION, @$), $2), $3); }
    ;
section_body
    : PROSE
    | STRING
    ;
name
    : IDENT
    | STRING                    { $$ = as_name(P, $1); }
    ;
table
    : KW_TABLE name '{' rows last_row '}'
        { $$ = prepend($4, $2); app($$, $5); $$->span = @$; }
    ;
rows
    : %empty                    { $$ = NEW(N_TABLE, @$); }
    | rows NEWLINE              { $$ = $1; }
    | rows row_items NEWLINE    { $$ = app($1, $2); }
    | rows waiver NEWLINE       { $$ = app($1, $2); }
    | rows error NEWLINE        { $$ = $1; yyerrok; }
    ;
last_row
    : %empty                    { $$ = NULL; }
    | row_items
    | waiver
    ;
row_items
    : row_item                  { $$ = app(NEW(N_ROW, @$), $1); }
    | row_items row_item        { $$ = app($1, $2); }
    ;
row_item
    : IDENT
    | path
    | STRING
    | NUMBER
    | BLANK
    | DATE
    | cell_key '=' cell_value   { $$ = app(app(NEW(N_NAMED, @$), $1), $3); }
    ;
cell_key
    : IDENT
    | path
    ;
cell_value
    : NUMBER
    | STRING
    | BLANK
    | DATE
    ;
path
    : IDENT '.' IDENT           { $$ = app(app(NEW(N_PATH, @$), $1), $3); }
    | path '.' IDENT            { $$ = app($1, $3); }
    ;

/* ---- waivers: waive TARGET [WHERE] "reason" (a missing reason is the
   checker's error, check/waive.c, not a syntax error) ---- */
waiver
    : KW_WAIVE wtarget wrest    { $$ = mk_waiver(P, @$, $2, $3); }
    ;
wtarget
    : IDENT
    | IDENT '.' NUMBER          { $$ = raw_name(P, @$); }
    | STRING                    { $$ = as_name(P, $1); }
    ;
wrest
    : %empty                    { $$ = NULL; }
    | STRING
    | wname
    | wname STRING              { $$ = app(app(NEW(N_WAIVER, @$), $1), $2); }
    | STRING STRING             { $$ = app(app(NEW(N_WAIVER, @$), as_name(P, $1)), $2); }
    ;
wname
    : IDENT
    | path
    ;

/* ---- templates ---- */
template
    : KW_TEMPLATE IDENT opt_str '{' titems '}'
        { $$ = $5; $$->span = @$; if ($3) prepend($$, $3); prepend($$, $2); }
    ;
titems
    : %empty                    { $$ = NEW(N_TEMPLATE, @$); }
    | titems NEWLINE            { $$ = $1; }
    | titems titem              { $$ = app($1, $2); }
    | titems error NEWLINE      { $$ = $1; yyerrok; }
    ;
titem
    : KW_SOURCE STRING          { $$ = app(NEW(N_SOURCE, @$), $2); }
    | KW_YEARS NUMBER DOTDOT NUMBER { $$ = app(app(NEW(N_YEARS, @$), $2), $4); }
    | tsection
    | ttable
    | KW_WORDING IDENT words    { $$ = app(app(NEW(N_WORDING, @$), $2), $3); }
    | KW_THRESHOLD IDENT NUMBER { $$ = app(app(NEW(N_THRESHOLD, @$), $2), $3); }
    ;
words
    : alias_name                { $$ = app(NEW(N_ALIAS, @$), $1); }
    | words alias_name          { $$ = app($1, $2); $$->span = @$; }
    ;
tsection
    : KW_SECTION IDENT STRING aliases opt_tableref NEWLINE
        { $$ = app(app(NEW(N_TSECTION, @$), $2), $3); if ($4) app($$, $4); app($$, $5); }
    ;
opt_tableref
    : %empty                    { $$ = NULL; }
    | KW_TABLE IDENT            { $$ = app(NEW(N_TABLEREF, @$), $2); }
    ;
aliases
    : %empty                    { $$ = NULL; }
    | aliases KW_ALIAS alias_list { $$ = $1 ? app($1, NULL) : $3; if ($1) { for (gir_node *c = $3->first, *nx; c; c = nx) { nx = c->next; app($1, c); } } }
    ;
alias_list
    : alias_name                { $$ = app(NEW(N_ALIAS, @$), $1); }
    | alias_list ',' alias_name { $$ = app($1, $3); }
    ;
alias_name
    : IDENT
    | STRING                    { $$ = as_name(P, $1); }
    ;
ttable
    : KW_TABLE IDENT opt_str aliases '{' tbitems '}'
        { $$ = $6; $$->span = @$; if ($4) prepend($$, $4); if ($3) prepend($$, $3); prepend($$, $2); }
    ;
tbitems
    : %empty                    { $$ = NEW(N_TTABLE, @$); }
    | tbitems NEWLINE           { $$ = $1; }
    | tbitems tbitem            { $$ = app($1, $2); }
    | tbitems block             { $$ = app($1, $2); }
    | tbitems error NEWLINE     { $$ = $1; yyerrok; }
    ;
tbitem
    : KW_NOTE STRING            { $$ = app(NEW(N_NOTE, @$), $2); }
    | KW_COLUMNS '{' decls '}'  { $$ = $3; $$->kind = N_COLUMNS; $$->span = @$; }
    | KW_ROWS '{' decls '}'     { $$ = $3; $$->kind = N_ROWS; $$->span = @$; }
    | KW_ROWLABELS IDENT        { $$ = NEW(N_ROWLABELS, @$); $$->str = $2->str; }
    | KW_ROWHEADER STRING       { $$ = app(NEW(N_NOTE, @$), $2); $$->op = 'h'; }
    | rule
    | KW_MENTION STRING severity ':' expr phrases
        { $$ = app(app(NEW(N_MENTION, @$), $5), $6); $$->str = $2->str; $$->op = $3->op; }
    | KW_JUMP expr phrases      { $$ = app(app(NEW(N_JUMP, @$), $2), $3); }
    ;
phrases
    : STRING                    { $$ = app(NEW(N_ALIAS, @$), as_name(P, $1)); }
    | phrases STRING            { $$ = app($1, as_name(P, $2)); }
    ;
block
    : KW_BLOCK opt_str '{' bitems '}'
        { $$ = $4; $$->span = @$; if ($2) prepend($$, $2); }
    ;
bitems
    : %empty                    { $$ = NEW(N_BLOCK, @$); }
    | bitems NEWLINE            { $$ = $1; }
    | bitems tbitem             { $$ = app($1, $2); }
    | bitems error NEWLINE      { $$ = $1; yyerrok; }
    ;
decls
    : %empty                    { $$ = NEW(N_ROWS, @$); }
    | decls NEWLINE             { $$ = $1; }
    | decls decl                { $$ = app($1, $2); }
    | decls error NEWLINE       { $$ = $1; yyerrok; }
    ;
decl
    : IDENT opt_str aliases opt_type opt_sum
        { $$ = app(NEW(N_LEAF, @$), $1); if ($2) app($$, $2); if ($3) app($$, $3); app($$, $4); app($$, $5); }
    | KW_GROUP IDENT opt_str aliases '{' decls '}'
        { $$ = $6; $$->kind = N_GROUP; $$->span = @$; if ($4) prepend($$, $4); if ($3) prepend($$, $3); prepend($$, $2); }
    ;
opt_type
    : %empty                    { $$ = NULL; }
    | ':' IDENT                 { $$ = NEW(N_TYPE, @$); $$->str = $2->str; }
    | ':' IDENT '(' unit_list ')' { $$ = $4; $$->span = @$; $$->str = $2->str; }
    ;
unit_list
    : unit_name                 { $$ = app(NEW(N_TYPE, @$), $1); }
    | unit_list ',' unit_name   { $$ = app($1, $3); }
    ;
unit_name
    : IDENT
    | STRING                    { $$ = as_name(P, $1); }
    ;
opt_sum
    : %empty                    { $$ = NULL; }
    | '=' KW_SUM '(' sum_items ')' { $$ = $4; $$->span = @$; }
    ;
sum_items
    : sum_item                  { $$ = app(NEW(N_SUM, @$), $1); }
    | sum_items ',' sum_item    { $$ = app($1, $3); }
    ;
sum_item
    : ref
    | ref DOTDOT ref            { $$ = app(app(NEW(N_RANGE, @$), $1), $3); }
    ;
ref
    : IDENT                     { $$ = app(NEW(N_REF, @$), $1); }
    | STRING                    { $$ = app(NEW(N_REF, @$), as_name(P, $1)); }
    | ref '.' IDENT             { $$ = app($1, $3); }
    ;
rule
    : rule_kw STRING severity scope ':' expr cmp expr opt_nl STRING
        { $$ = app(app(app(app($1, $4), $6), $8), $10); $$->span = @$; $$->str = $2->str; $$->op = $3->op; $$->cmp = $7->op; }
    ;
rule_kw
    : KW_RULE                   { $$ = NEW(N_RULE, @$); }
    | KW_PATTERN                { $$ = NEW(N_PATTERN, @$); }
    ;
severity
    : KW_ERROR                  { $$ = with_op(NEW(N_NAME, @$), 1); }
    | KW_WARNING                { $$ = with_op(NEW(N_NAME, @$), 2); }
    ;
scope
    : %empty                    { $$ = with_op(NEW(N_SCOPE, @$), SCOPE_CELLS); }
    | KW_OVER KW_EACH KW_COLUMN { $$ = with_op(NEW(N_SCOPE, @$), SCOPE_EACH_COLUMN); }
    | KW_OVER KW_EACH KW_ROW    { $$ = with_op(NEW(N_SCOPE, @$), SCOPE_EACH_ROW); }
    | KW_OVER KW_ROWS '(' refs ')'    { $$ = with_op($4, SCOPE_ROWS); $$->span = @$; }
    | KW_OVER KW_COLUMNS '(' refs ')' { $$ = with_op($4, SCOPE_COLUMNS); $$->span = @$; }
    ;
refs
    : ref                       { $$ = app(NEW(N_SCOPE, @$), $1); }
    | refs ',' ref              { $$ = app($1, $3); }
    ;
expr
    : term
    | expr '+' term             { $$ = app(app(with_op(NEW(N_BINOP, @$), '+'), $1), $3); }
    | expr '-' term             { $$ = app(app(with_op(NEW(N_BINOP, @$), '-'), $1), $3); }
    ;
term
    : ref
    | NUMBER                    { $$ = app(NEW(N_CONST, @$), $1); }
    ;
cmp
    : EQEQ                      { $$ = with_op(NEW(N_NAME, @$), CMP_EQ); }
    | NE                        { $$ = with_op(NEW(N_NAME, @$), CMP_NE); }
    | LE                        { $$ = with_op(NEW(N_NAME, @$), CMP_LE); }
    | GE                        { $$ = with_op(NEW(N_NAME, @$), CMP_GE); }
    | '<'                       { $$ = with_op(NEW(N_NAME, @$), CMP_LT); }
    | '>'                       { $$ = with_op(NEW(N_NAME, @$), CMP_GT); }
    ;
opt_nl
    : %empty
    | NEWLINE
    ;

%%

static gir_node *as_name(gir_parser *P, gir_node *lit)
{
    gir_node *n = ast_new(P->arena, N_NAME, lit->span);
    n->str = lit->str;
    n->len = lit->len;
    n->quoted = 1;
    return n;
}

/* A name spelt by the source text of sp: a rule id such as R3.1, which
 * the lexer reads as IDENT '.' NUMBER. */
static gir_node *raw_name(gir_parser *P, gir_span sp)
{
    gir_node *n = ast_new(P->arena, N_NAME, sp);
    n->str = arena_strndup(P->arena, P->src->text + sp.start, sp.end - sp.start);
    n->len = sp.end - sp.start;
    return n;
}

/* N_WAIVER: the target, then what wrest gave (nothing, the reason, the
 * WHERE name, or both in a holder node whose children move here). */
static gir_node *mk_waiver(gir_parser *P, gir_span sp, gir_node *target, gir_node *rest)
{
    gir_node *n = ast_append(ast_new(P->arena, N_WAIVER, sp), target);
    if (!rest || rest->kind != N_WAIVER) return ast_append(n, rest);
    gir_node *next = NULL;
    for (gir_node *c = rest->first; c; c = next) {
        next = c->next;
        ast_append(n, c);
    }
    return n;
}

/* A keyword used as a name (the header field `template`). */
static gir_node *kw_name(gir_parser *P, int token, gir_span sp)
{
    const char *w = lang_keyword_word(token);
    gir_node *n = ast_new(P->arena, N_NAME, sp);
    n->str = w;
    n->len = (uint32_t)strlen(w);
    return n;
}

int yylex(YYSTYPE *lval, YYLTYPE *lloc, gir_parser *P)
{
    for (;;) {
        int t = lexer_next(&P->lx, lval, lloc);
        if (t != COMMENT) return t;
    }
}

/* The word of a keyword symbol (syntax/keywords.def), or NULL. */
static const char *keyword_of(yysymbol_kind_t k)
{
    for (const gir_keyword *w = gir_keywords; w->word; w++)
        if (YYTRANSLATE(w->token) == k) return w->word;
    return NULL;
}

/* The user-facing name of a grammar symbol, in the user's language. */
static const char *symbol_text(gir_parser *P, yysymbol_kind_t k)
{
    gir_lang L = P->diags->lang;
    const char *kw = keyword_of(k);
    if (kw) return arena_printf(P->arena, msg_fmt(L, T_KEYWORD), kw);
    switch (k) {
    case YYSYMBOL_IDENT: return msg_fmt(L, T_IDENT);
    case YYSYMBOL_STRING: return msg_fmt(L, T_STRING);
    case YYSYMBOL_PROSE: return msg_fmt(L, T_PROSE);
    case YYSYMBOL_NUMBER: return msg_fmt(L, T_NUMBER);
    case YYSYMBOL_DATE: return msg_fmt(L, T_DATE);
    case YYSYMBOL_BLANK: return msg_fmt(L, T_BLANK);
    case YYSYMBOL_NEWLINE: return msg_fmt(L, T_NEWLINE);
    case YYSYMBOL_YYEOF: return msg_fmt(L, T_EOF);
    case YYSYMBOL_YYerror: case YYSYMBOL_YYUNDEF: return msg_fmt(L, T_ERROR);
    default: break;
    }
    const char *raw = yysymbol_name(k);
    size_t n = strlen(raw);
    if (n >= 2 && (raw[0] == '"' || raw[0] == '\'')) { raw++; n -= 2; }
    char *w = arena_strndup(P->arena, raw, n);
    return arena_printf(P->arena, msg_fmt(L, T_PUNCT), w);
}

static int yyreport_syntax_error(const yypcontext_t *ctx, gir_parser *P)
{
    enum { MAXEXP = 7 };
    yysymbol_kind_t exp[MAXEXP];
    int n = yypcontext_expected_tokens(ctx, exp, MAXEXP);
    gir_span loc = *yypcontext_location(ctx);
    if (lexer_line_has_error(&P->lx, loc.start)) return 0;
    const char *unexpected = symbol_text(P, yypcontext_token(ctx));
    gir_lang L = P->diags->lang;
    int colon = strcmp(yysymbol_name(yypcontext_token(ctx)), "':'") == 0;   /* "新收:5" */
    if (n <= 0) {
        gir_diag *g0 = diag_add(P->diags, GIR_SEV_ERROR, M_SYNTAX, P->src, loc, unexpected);
        if (colon) diag_help(P->diags, g0, M_HELP_NO_COLON);
        if (colon) diag_fix(P->diags, g0, loc, " ");
        return 0;
    }
    gir_buf b;
    buf_init(&b, P->arena);
    for (int i = 0; i < n; i++) {
        if (i) buf_puts(&b, msg_fmt(L, i == n - 1 ? M_OR : M_LIST_SEP));
        buf_puts(&b, symbol_text(P, exp[i]));
    }
    gir_diag *g = diag_add(P->diags, GIR_SEV_ERROR, M_SYNTAX_EXPECTED, P->src, loc, unexpected, buf_cstr(&b));
    if (colon) {
        diag_help(P->diags, g, M_HELP_NO_COLON);
        diag_fix(P->diags, g, loc, " ");
    }
    return 0;
}

void yyerror(YYLTYPE *lloc, gir_parser *P, const char *msg)
{
    /* Only reached for bison's own failures (stack exhaustion). */
    (void)msg;
    diag_add(P->diags, GIR_SEV_ERROR, M_TOO_DEEP, P->src, *lloc);
}

gir_node *gir_parse(gir_arena *a, gir_diags *d, const gir_source *src)
{
    gir_parser P;
    memset(&P, 0, sizeof P);
    P.arena = a;
    P.diags = d;
    P.src = src;
    lexer_init(&P.lx, a, d, src);
    yyparse(&P);
    if (!P.root) P.root = ast_new(a, N_FILE, (gir_span){0, src->len});
    return P.root;
}
