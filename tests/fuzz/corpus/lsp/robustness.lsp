Content-Length: 75

{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}Content-Length: 260

{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///r.gir","languageId":"gir","version":1,"text":"report \"r\" {\n  template gov2021\n  agency \"局\"\n  year 2021\n}\ntable 申请处理 {\n  新收 1\n  𠀀行 2\n}\n"}}}Content-Length: 229

{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///r.gir","version":2},"contentChanges":[{"range":{"start":{"line":500,"character":0},"end":{"line":900,"character":3}},"text":"# end\n"}]}}Content-Length: 221

{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///r.gir","version":3},"contentChanges":[{"range":{"start":{"line":6,"character":99},"end":{"line":6,"character":4}},"text":" 2"}]}}Content-Length: 220

{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///r.gir","version":4},"contentChanges":[{"range":{"start":{"line":7,"character":3},"end":{"line":7,"character":3}},"text":"��"}]}}Content-Length: 140

{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///r.gir"},"position":{"line":7,"character":3}}}Content-Length: 146

{"jsonrpc":"2.0","id":3,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///unknown.gir"},"position":{"line":0,"character":0}}}Content-Length: 151

{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///unknown.gir","version":2},"contentChanges":[{"text":"x"}]}}Content-Length: 113

{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///r.gir","version":5}}}Content-Length: 104

{"jsonrpc":"2.0","id":4,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///r.gir"}}}Content-Length: 137

{"jsonrpc":"2.0","id":5,"method":"textDocument/completion","params":{"textDocument":"file:///r.gir","position":{"line":0,"character":0}}}Content-Length: 77

{"jsonrpc":"2.0","id":6,"method":"textDocument/documentSymbol","params":null}Content-Length: 145

{"jsonrpc":"2.0","id":7,"method":"textDocument/definition","params":{"textDocument":{"uri":"file:///r.gir"},"position":{"line":7,"character":2}}}Content-Length: 44

{"jsonrpc":"2.0","id":8,"method":"shutdown"}Content-Length: 33

{"jsonrpc":"2.0","method":"exit"}