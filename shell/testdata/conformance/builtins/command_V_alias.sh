alias a='echo b'
command -V a
