Content-Length: 58

{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}Content-Length: 54

{"jsonrpc":"2.0","id":2,"method":"textDocument/hover",Content-Length: 7

[1,2,3]Content-Length: 15

"just a string"Content-Length: 24

{"jsonrpc":"2.0","id":3}Content-Length: 60

{"jsonrpc":"2.0","id":{"a":1},"method":"textDocument/hover"}Content-Length: 54

{"jsonrpc":"1.0","id":4,"method":"textDocument/hover"}Content-Length: 35

{"jsonrpc":"2.0","id":5,"method":7}Content-Length: -20

{"jsonrpc":"2.0","id":6,"method":"shutdown"}Content-Length: twelve

{"jsonrpc":"2.0","id":7,"method":"shutdown"}Content-Type: application/vscode-jsonrpc

{"jsonrpc":"2.0","id":8,"method":"shutdown"}Content-Length: 99999999999

{"jsonrpc":"2.0","id":9,"method":"shutdown"}Content-Length: 67108865

GARBAGEContent-Length: 10

{"jsonrpc":"2.0","id":10,"method":"shutdown"}content-length: 56
Content-Type: application/vscode-jsonrpc; charset=utf-8

{"jsonrpc":"2.0","id":11,"method":"textDocument/rename"}Content-Length: 45

{"jsonrpc":"2.0","id":12,"method":"shutdown"}Content-Length: 33

{"jsonrpc":"2.0","method":"exit"}