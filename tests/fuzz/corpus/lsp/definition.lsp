Content-Length: 75

{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}Content-Length: 491

{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///tmp/gir/tests/lsp/mini-report.gir","languageId":"gir","version":1,"text":"# mini-report.gir - a report on the template mini.gir (same folder) for the\n# language-server tests. 二 has a wrong total.\nreport \"迷你报告\" {\n  template \"mini.gir\"\n  agency   \"测试局\"\n  year     2021\n}\n\nsection 概况 \"一句话。\"\n\ntable 数字 {\n  一  1 2 3\n  二  甲=4 乙=5 合计=8\n}\n"}}}Content-Length: 174

{"jsonrpc":"2.0","id":2,"method":"textDocument/definition","params":{"textDocument":{"uri":"file:///tmp/gir/tests/lsp/mini-report.gir"},"position":{"line":11,"character":2}}}Content-Length: 174

{"jsonrpc":"2.0","id":3,"method":"textDocument/definition","params":{"textDocument":{"uri":"file:///tmp/gir/tests/lsp/mini-report.gir"},"position":{"line":12,"character":9}}}Content-Length: 174

{"jsonrpc":"2.0","id":4,"method":"textDocument/definition","params":{"textDocument":{"uri":"file:///tmp/gir/tests/lsp/mini-report.gir"},"position":{"line":11,"character":9}}}Content-Length: 174

{"jsonrpc":"2.0","id":5,"method":"textDocument/definition","params":{"textDocument":{"uri":"file:///tmp/gir/tests/lsp/mini-report.gir"},"position":{"line":10,"character":7}}}Content-Length: 173

{"jsonrpc":"2.0","id":6,"method":"textDocument/definition","params":{"textDocument":{"uri":"file:///tmp/gir/tests/lsp/mini-report.gir"},"position":{"line":8,"character":9}}}Content-Length: 174

{"jsonrpc":"2.0","id":7,"method":"textDocument/definition","params":{"textDocument":{"uri":"file:///tmp/gir/tests/lsp/mini-report.gir"},"position":{"line":3,"character":14}}}Content-Length: 173

{"jsonrpc":"2.0","id":8,"method":"textDocument/definition","params":{"textDocument":{"uri":"file:///tmp/gir/tests/lsp/mini-report.gir"},"position":{"line":9,"character":0}}}Content-Length: 44

{"jsonrpc":"2.0","id":9,"method":"shutdown"}Content-Length: 33

{"jsonrpc":"2.0","method":"exit"}