command -p /bin/echo via-p
