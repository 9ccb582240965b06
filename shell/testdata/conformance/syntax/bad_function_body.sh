# expect: dash accepts a simple command as a function body (POSIX requires a compound command)
f() echo x
f
