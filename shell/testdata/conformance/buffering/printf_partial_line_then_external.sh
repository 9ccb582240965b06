printf 'no newline '
/bin/echo then-external
