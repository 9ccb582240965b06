# expect: type of a function: dash says 'f is a shell function'; bash also prints the body
f() { :; }
type f
alias ll='ls -l'
type ll
