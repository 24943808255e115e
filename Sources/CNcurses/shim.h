// ncurses (wide-character build) for Swift: the library's macros as
// functions, since Swift imports neither function-like macros nor
// NCURSES_BITS-style constants.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <ncursesw/curses.h>
#include <locale.h>
#include <langinfo.h>

static inline chtype unikit_acs(char c) { return NCURSES_ACS(c); }
static inline WINDOW *unikit_stdscr(void) { return stdscr; }
static inline int unikit_lines(void) { return LINES; }
static inline int unikit_cols(void) { return COLS; }
static inline attr_t unikit_color_pair(short pair) { return COLOR_PAIR(pair); }
static inline attr_t unikit_a_normal(void) { return A_NORMAL; }
static inline attr_t unikit_a_reverse(void) { return A_REVERSE; }
static inline attr_t unikit_a_bold(void) { return A_BOLD; }
static inline attr_t unikit_a_dim(void) { return A_DIM; }
static inline attr_t unikit_a_underline(void) { return A_UNDERLINE; }
static inline int unikit_key_f(int n) { return KEY_F(n); }
