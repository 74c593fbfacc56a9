" compiler/girc.vim - `:compiler girc`: `:make` runs `girc check` on the
" current file and fills the quickfix list with its errors, warnings and
" notes (a related place, "FILE:L:C: note: ...", is a note too). Columns
" are asked for in bytes (--column-unit=byte), which is what Vim's %c
" counts; girc's default, display columns, is for Emacs and terminals.
" The ftplugin (ftplugin/gir.vim) selects it for .gir buffers. Installed
" by `make install'; tested by tests/suites/nvim.sh.
if exists('current_compiler')
  finish
endif
let current_compiler = 'girc'
if exists(':CompilerSet') != 2
  command -nargs=* CompilerSet setlocal <args>
endif
CompilerSet makeprg=girc\ --color=never\ --column-unit=byte\ check\ %:S
CompilerSet errorformat=%f:%l:%c:\ %trror[%*[^]]]:\ %m,%f:%l:%c:\ %tarning[%*[^]]]:\ %m,%f:%l:%c:\ %tote[%*[^]]]:\ %m,%f:%l:%c:\ %tote:\ %m,%-G%.%#
