" Vim/Neovim settings for girc's .gir files, and :GircFmt.
" What it is for: `#' comments, two-space indent, and a formatting command
" that never destroys the buffer: the text goes through `girc fmt -` and
" replaces the buffer only when girc exits 0; on a syntax error the buffer
" stays as it is and girc's first message is shown. (A bare `:%!girc fmt -`
" would replace the buffer with the error messages.) `:make` runs girc
" check (compiler/girc.vim, columns in bytes for the quickfix list). Installed by
" `make install'; tested by tests/suites/emacs.sh.
if exists('b:did_ftplugin')
  finish
endif
let b:did_ftplugin = 1
setlocal commentstring=#\ %s comments=:# expandtab shiftwidth=2 softtabstop=2
let b:undo_ftplugin = 'setlocal commentstring< comments< expandtab< shiftwidth< softtabstop<'
if !exists('b:current_compiler')
  compiler girc
  let b:undo_ftplugin .= ' makeprg< errorformat<'
endif

if !exists('*s:GircFmt')
  function s:GircFmt() abort
    let l:err = tempname()
    let l:out = systemlist('girc fmt - 2>' . shellescape(l:err), getline(1, '$'))
    if v:shell_error
      let l:msg = filereadable(l:err) ? readfile(l:err) : []
      call delete(l:err)
      echohl ErrorMsg
      echomsg 'girc fmt: buffer unchanged: ' . get(l:msg, 0, 'exit ' . v:shell_error)
      echohl None
      return
    endif
    call delete(l:err)
    if l:out ==# getline(1, '$')
      return
    endif
    let l:view = winsaveview()
    silent keepjumps call setline(1, l:out)
    if line('$') > len(l:out)
      silent keepjumps execute (len(l:out) + 1) . ',$delete _'
    endif
    call winrestview(l:view)
  endfunction
endif
command! -buffer GircFmt call s:GircFmt()
