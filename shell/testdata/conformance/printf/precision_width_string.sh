printf '[%5.2s][%-6.3s]\n' abcdef abcdef
