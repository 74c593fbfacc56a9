Content-Length: 75

{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}Content-Length: 491

{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///tmp/gir/tests/lsp/mini-report.gir","languageId":"gir","version":1,"text":"# mini-report.gir - a report on the template mini.gir (same folder) for the\n# language-server tests. 二 has a wrong total.\nreport \"迷你报告\" {\n  template \"mini.gir\"\n  agency   \"测试局\"\n  year     2021\n}\n\nsection 概况 \"一句话。\"\n\ntable 数字 {\n  一  1 2 3\n  二  甲=4 乙=5 合计=8\n}\n"}}}Content-Length: 817

{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///tmp/gir/tests/lsp/mini.gir","languageId":"gir","version":1,"text":"# mini.gir - a small template for the language-server tests (definition\n# into a template file, hover, completion); see mini-report.gir.\ntemplate mini \"迷你格式\" {\n  source \"测试用\"\n  years 2020 .. 9999\n\n  section 概况 \"一、概况\" alias overview\n  section 数字 \"二、数字情况\" alias numbers table 数字\n\n  table 数字 \"数字情况\" alias t1 {\n    columns {\n      甲 \"甲列\" alias a\n      乙 \"乙列\" alias b\n      合计 \"合计\" alias total = sum(甲, 乙)\n    }\n    rows {\n      一 \"第一行\" alias r1\n      二 \"第二行\" alias r2\n      总数 \"总数\" = sum(一, 二)\n    }\n  }\n}\n"}}}Content-Length: 141

{"jsonrpc":"2.0","id":2,"method":"textDocument/documentSymbol","params":{"textDocument":{"uri":"file:///tmp/gir/tests/lsp/mini-report.gir"}}}Content-Length: 134

{"jsonrpc":"2.0","id":3,"method":"textDocument/documentSymbol","params":{"textDocument":{"uri":"file:///tmp/gir/tests/lsp/mini.gir"}}}Content-Length: 44

{"jsonrpc":"2.0","id":4,"method":"shutdown"}Content-Length: 33

{"jsonrpc":"2.0","method":"exit"}