" Vim syntax file for girc's .gir reports and templates (gir(5)).
" What it is for: highlighting of 政府信息公开工作年度报告 sources in Vim
" and Neovim; installed by `make install' under PREFIX/share/vim/vimfiles.
" The keyword and field lists are those of src/syntax/keywords.def and
" fields.def (tests/suites/emacs.sh checks that they agree).
if exists('b:current_syntax')
  finish
endif

syn keyword girKeyword report section table template waive
syn keyword girKeyword block note columns rows group alias rule pattern
syn keyword girKeyword mention source years rowlabels rowheader sum over
syn keyword girKeyword each row column error warning wording threshold jump
syn keyword girField agency kind year date previous title
syn match girNumber /\<\d\+\(\.\d\+\)\=\(万元\|元\)\=/
syn match girDate /\<\d\{4}-\d\{2}-\d\{2}\>/
syn match girColumn /\S\+\ze=/
syn region girString start=/"/ skip=/\\"/ end=/"/ oneline
syn region girProse start=/"""/ end=/"""/
syn match girComment /#.*$/ contains=@Spell

hi def link girKeyword Keyword
hi def link girField Identifier
hi def link girNumber Number
hi def link girDate Constant
hi def link girColumn Type
hi def link girString String
hi def link girProse String
hi def link girComment Comment

let b:current_syntax = 'gir'
