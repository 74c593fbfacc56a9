" .gir files are girc reports unless the first line is XML (GObject
" Introspection also uses .gir); installed by `make install'.
autocmd BufRead,BufNewFile *.gir if getline(1) !~# '^\s*<' | setfiletype gir | endif
