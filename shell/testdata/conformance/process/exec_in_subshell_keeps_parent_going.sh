( exec /bin/echo from-exec )
echo parent-continues
