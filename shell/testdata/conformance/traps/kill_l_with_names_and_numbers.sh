# expect: dash's kill -l takes only numbers (exit statuses too): kill -l TERM is an error, status 2, and the script goes on
kill -l TERM
kill -l 2
kill -l 130
