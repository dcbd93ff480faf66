Content-Length: 107

{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{"textDocument":{"diagnostic":{}}}}}Content-Length: 52

{"jsonrpc":"2.0","method":"initialized","params":{}}Content-Length: 210

{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///a.py","languageId":"python","version":1,"text":"class A:\n    __slots__ = ()\n    def f(self):\n        self.x = 1\n"}}}Content-Length: 108

{"jsonrpc":"2.0","id":2,"method":"textDocument/diagnostic","params":{"textDocument":{"uri":"file:///a.py"}}}Content-Length: 44

{"jsonrpc":"2.0","id":3,"method":"shutdown"}Content-Length: 33

{"jsonrpc":"2.0","method":"exit"}