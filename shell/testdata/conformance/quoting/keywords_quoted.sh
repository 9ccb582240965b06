"echo" hi
'if'x=1 2>/dev/null || echo notfound
\if 2>/dev/null || echo escaped_if_not_keyword
