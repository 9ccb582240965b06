trap '' INT
( kill -INT $$ 2>/dev/null; echo sub-survived )
( trap ) | head -1
