" kehoach plan files (Vietnamese administrative plans): *.kh
autocmd BufRead,BufNewFile *.kh setfiletype kehoach
