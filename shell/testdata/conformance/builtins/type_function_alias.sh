f() { :; }
type f
alias ll='ls -l'
type ll
