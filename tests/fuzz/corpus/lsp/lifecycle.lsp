Content-Length: 66

{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{}}Content-Length: 122

{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///a.gir","version":1,"text":"x"}}}Content-Length: 47

{"jsonrpc":"2.0","id":"s1","method":"shutdown"}Content-Length: 163

{"jsonrpc":"2.0","id":2,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{"textDocument":{"hover":{}}},"clientInfo":{"name":"test"}}}Content-Length: 52

{"jsonrpc":"2.0","method":"initialized","params":{}}Content-Length: 58

{"jsonrpc":"2.0","id":3,"method":"initialize","params":{}}Content-Length: 74

{"jsonrpc":"2.0","id":4,"method":"workspace/symbol","params":{"query":""}}Content-Length: 86

{"jsonrpc":"2.0","method":"workspace/didChangeConfiguration","params":{"settings":{}}}Content-Length: 64

{"jsonrpc":"2.0","method":"$/setTrace","params":{"value":"off"}}Content-Length: 59

{"jsonrpc":"2.0","id":5,"method":"initialized","params":{}}Content-Length: 51

{"jsonrpc":"2.0","id":99,"result":{"applied":true}}Content-Length: 147

{"jsonrpc":"2.0","id":6,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///not-open.gir"},"position":{"line":0,"character":0}}}Content-Length: 44

{"jsonrpc":"2.0","id":7,"method":"shutdown"}Content-Length: 140

{"jsonrpc":"2.0","id":8,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///a.gir"},"position":{"line":0,"character":0}}}Content-Length: 44

{"jsonrpc":"2.0","id":9,"method":"shutdown"}Content-Length: 122

{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///a.gir","version":1,"text":"x"}}}Content-Length: 33

{"jsonrpc":"2.0","method":"exit"}Content-Length: 45

{"jsonrpc":"2.0","id":10,"method":"shutdown"}