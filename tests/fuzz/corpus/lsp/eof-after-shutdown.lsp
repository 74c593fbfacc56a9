Content-Length: 125

{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{"general":{"positionEncodings":["utf-16","utf-8"]}}}}Content-Length: 58

{"jsonrpc":"2.0","id":2,"method":"shutdown","params":null}