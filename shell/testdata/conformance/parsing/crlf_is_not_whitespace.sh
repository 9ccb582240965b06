# zinebox-known-failure: the parser drops a carriage return before a newline; dash keeps it in the word
printf 'echo crlf\r\n' > s
. ./s | od -An -c
