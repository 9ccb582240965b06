echo before-exec
exec /bin/echo from-exec
