printf 'echo crlf\r\n' > s
. ./s | od -An -c
