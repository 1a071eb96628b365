" kehoach plan files: what `kehoach fmt` writes (two spaces per brace)
" and how comments look.
if exists("b:did_ftplugin")
  finish
endif
let b:did_ftplugin = 1

setlocal expandtab shiftwidth=2 softtabstop=2
setlocal commentstring=#\ %s comments=:#,://
setlocal iskeyword=@,48-57,_,192-255
setlocal suffixesadd=.kh

let b:undo_ftplugin = "setlocal expandtab< shiftwidth< softtabstop< commentstring< comments< iskeyword< suffixesadd<"
