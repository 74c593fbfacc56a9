Content-Length: 116

{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{"general":{"positionEncodings":["utf-8"]}}}}Content-Length: 491

{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///tmp/gir/tests/lsp/mini-report.gir","languageId":"gir","version":1,"text":"# mini-report.gir - a report on the template mini.gir (same folder) for the\n# language-server tests. 二 has a wrong total.\nreport \"迷你报告\" {\n  template \"mini.gir\"\n  agency   \"测试局\"\n  year     2021\n}\n\nsection 概况 \"一句话。\"\n\ntable 数字 {\n  一  1 2 3\n  二  甲=4 乙=5 合计=8\n}\n"}}}Content-Length: 319

{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///tmp/gir/tests/lsp/mini-report.gir","version":2},"contentChanges":[{"text":"report \"迷你报告\" {\n template \"mini.gir\"   # 模板\n agency \"测试局\"\n\n\n year 2021\n}\ntable 数字 {\n 一 1 2 3\n\t二 40 5\n}\n"}]}}Content-Length: 181

{"jsonrpc":"2.0","id":2,"method":"textDocument/formatting","params":{"textDocument":{"uri":"file:///tmp/gir/tests/lsp/mini-report.gir"},"options":{"tabSize":4,"insertSpaces":true}}}Content-Length: 194

{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///tmp/gir/tests/lsp/mini-report.gir","version":3},"contentChanges":[{"text":"section 概况 \"x\"\n"}]}}Content-Length: 181

{"jsonrpc":"2.0","id":3,"method":"textDocument/formatting","params":{"textDocument":{"uri":"file:///tmp/gir/tests/lsp/mini-report.gir"},"options":{"tabSize":2,"insertSpaces":true}}}Content-Length: 204

{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///tmp/gir/tests/lsp/mini-report.gir","version":4},"contentChanges":[{"text":"table 数字 {\n  一 1 @ 2\n}\n"}]}}Content-Length: 181

{"jsonrpc":"2.0","id":4,"method":"textDocument/formatting","params":{"textDocument":{"uri":"file:///tmp/gir/tests/lsp/mini-report.gir"},"options":{"tabSize":2,"insertSpaces":true}}}Content-Length: 164

{"jsonrpc":"2.0","id":5,"method":"textDocument/formatting","params":{"textDocument":{"uri":"file:///never-opened.gir"},"options":{"tabSize":2,"insertSpaces":true}}}Content-Length: 44

{"jsonrpc":"2.0","id":6,"method":"shutdown"}Content-Length: 33

{"jsonrpc":"2.0","method":"exit"}