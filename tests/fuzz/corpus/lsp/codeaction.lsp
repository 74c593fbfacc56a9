Content-Length: 75

{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}Content-Length: 491

{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///tmp/gir/tests/lsp/mini-report.gir","languageId":"gir","version":1,"text":"# mini-report.gir - a report on the template mini.gir (same folder) for the\n# language-server tests. 二 has a wrong total.\nreport \"迷你报告\" {\n  template \"mini.gir\"\n  agency   \"测试局\"\n  year     2021\n}\n\nsection 概况 \"一句话。\"\n\ntable 数字 {\n  一  1 2 3\n  二  甲=4 乙=5 合计=8\n}\n"}}}Content-Length: 244

{"jsonrpc":"2.0","id":2,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///tmp/gir/tests/lsp/mini-report.gir"},"range":{"start":{"line":12,"character":13},"end":{"line":12,"character":17}},"context":{"diagnostics":[]}}}Content-Length: 240

{"jsonrpc":"2.0","id":3,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///tmp/gir/tests/lsp/mini-report.gir"},"range":{"start":{"line":2,"character":0},"end":{"line":2,"character":3}},"context":{"diagnostics":[]}}}Content-Length: 264

{"jsonrpc":"2.0","id":4,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///tmp/gir/tests/lsp/mini-report.gir"},"range":{"start":{"line":12,"character":16},"end":{"line":12,"character":16}},"context":{"diagnostics":[],"only":["refactor"]}}}Content-Length: 251

{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///tmp/gir/tests/lsp/mini-report.gir","version":2},"contentChanges":[{"range":{"start":{"line":11,"character":6},"end":{"line":11,"character":7}},"text":"２"}]}}Content-Length: 262

{"jsonrpc":"2.0","id":5,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///tmp/gir/tests/lsp/mini-report.gir"},"range":{"start":{"line":11,"character":6},"end":{"line":11,"character":6}},"context":{"diagnostics":[],"only":["quickfix"]}}}Content-Length: 180

{"jsonrpc":"2.0","id":6,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///tmp/gir/tests/lsp/mini-report.gir"},"range":{"start":{"line":11}},"context":{}}}Content-Length: 44

{"jsonrpc":"2.0","id":7,"method":"shutdown"}Content-Length: 33

{"jsonrpc":"2.0","method":"exit"}